namespace TrendVault.Cluster.Tests;

/// <summary>TestResults/cluster-logs/&lt;test&gt;/ at the repository root: where a test's processes write their logs.</summary>
public static class TestLogs
{
    /// <summary>The test's log folder, emptied of an earlier run's files.</summary>
    public static string Folder(string test)
    {
        var folder = Path.Combine(ProductBinaries.RepositoryRoot, "TestResults", "cluster-logs", test);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        return folder;
    }
}
