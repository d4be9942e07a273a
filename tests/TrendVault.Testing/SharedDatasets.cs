namespace TrendVault.Testing;

/// <summary>The real public trending CSV files kept in ../shared/datasets/trending-csv (see SOURCES.md there).</summary>
public static class SharedDatasets
{
    public static string Folder { get; } = FindFolder();

    /// <summary>The full path of one of the shared files, e.g. <c>File("USvideos-2017-11-sample.csv")</c>.</summary>
    public static string File(string name)
    {
        var path = Path.Combine(Folder, name);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"{name} is not among the shared datasets in {Folder}.", path);
    }

    // The files stay in the workspace's shared/ folder next to the repository; CI may clone the
    // repository elsewhere on the same machine, hence the machine's own path as a fallback.
    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "trending-csv");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        const string workspace = "/work/shared/datasets/trending-csv";
        return Directory.Exists(workspace)
            ? workspace
            : throw new DirectoryNotFoundException("shared/datasets/trending-csv (the public trending CSV files) was not found above the test folder nor at " + workspace + ".");
    }
}
