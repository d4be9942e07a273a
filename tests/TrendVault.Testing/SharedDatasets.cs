namespace TrendVault.Testing;

/// <summary>The real public trending CSV files kept in ../shared/datasets/trending-csv (see SOURCES.md there).</summary>
public static class SharedDatasets
{
    public static string Folder { get; } = SharedFolder.Find("datasets/trending-csv", "the public trending CSV files");

    /// <summary>The full path of one of the shared files, e.g. <c>File("USvideos-2017-11-sample.csv")</c>.</summary>
    public static string File(string name)
    {
        var path = Path.Combine(Folder, name);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"{name} is not among the shared datasets in {Folder}.", path);
    }
}
