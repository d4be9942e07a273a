using System.Diagnostics;

namespace TrendVault.Import.Tests;

/// <summary>
/// Runs <c>scripts/import.sh</c> as a user would, from the repository root, with its output redirected (so
/// not on a terminal). The script builds the importer in Release before it runs, which takes a while the
/// first time: a run longer than its timeout is killed, with all it started, and fails.
/// </summary>
public static class ImportScript
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <returns>The exit code, and stdout followed by stderr.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine("scripts", "import.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // No MSBuild nodes are left running after the script's build.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"scripts/import.sh {string.Join(' ', arguments)} ran longer than {timeout} and was killed. Output so far:{Environment.NewLine}"
                + await OutputAsync(stdout, stderr));
        }
        return (process.ExitCode, await OutputAsync(stdout, stderr));
    }

    private static async Task<string> OutputAsync(Task<string> stdout, Task<string> stderr)
    {
        // A process the script left behind could hold the pipes open: the output is not waited for forever.
        await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(30));
        return await stdout + await stderr;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrendVault.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds TrendVault.sln.");
    }
}
