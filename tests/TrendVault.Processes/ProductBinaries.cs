using System.Reflection;

namespace TrendVault.Processes;

/// <summary>
/// Where the product's programs were built: src/&lt;Project&gt;/bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;/, in the
/// configuration of this build (the test or benchmark project's references build them first).
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

    public static string Configuration => Metadata("BuildConfiguration");

    /// <summary>A published silo to run instead of the build output (scripts/bench.sh publishes it as the Dockerfile does).</summary>
    public static string? PublishedSilo { get; set; }

    /// <summary>The program's main assembly, checked to exist.</summary>
    public static string Dll(string project)
    {
        var path = project == Silo && PublishedSilo is { } published
            ? Path.Combine(published, project + ".dll")
            : Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, Metadata("TargetFramework"), project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the test or benchmark project that starts {project} in the same configuration.", path);
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
