using System.Reflection;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// Where the programs under test were built: src/&lt;Project&gt;/bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;/, with the
/// configuration of this test build (the project references build them before the tests).
/// </summary>
public static class ProductBinaries
{
    public const string Silo = "TrendVault.Silo";
    public const string Gateway = "TrendVault.Gateway";
    public const string FakeYouTube = "TrendVault.FakeYouTube";
    public const string Migrator = "TrendVault.Migrator";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding TrendVault.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The program's main assembly, checked to exist.</summary>
    public static string Dll(string project)
    {
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", Metadata("BuildConfiguration"), Metadata("TargetFramework"), project + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: build tests/TrendVault.Cluster.Tests (it builds {project}) with the same configuration.", path);
        }
        return path;
    }

    private static string Metadata(string key) =>
        typeof(ProductBinaries).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrendVault.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("TrendVault.sln not found above " + AppContext.BaseDirectory);
    }
}
