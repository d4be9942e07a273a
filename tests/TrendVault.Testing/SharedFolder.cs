namespace TrendVault.Testing;

/// <summary>The workspace's shared/ folder next to the repository, which tests read real recorded data from.</summary>
public static class SharedFolder
{
    /// <summary>
    /// The folder <paramref name="path"/> under shared/, searched above the test folder. CI may clone the
    /// repository elsewhere on the same machine, hence the machine's own /work/shared as a fallback.
    /// </summary>
    public static string Find(string path, string holding)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        var workspace = Path.Combine("/work/shared", path);
        return Directory.Exists(workspace)
            ? workspace
            : throw new DirectoryNotFoundException($"shared/{path} ({holding}) was not found above the test folder nor at {workspace}.");
    }
}
