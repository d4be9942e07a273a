using System.Diagnostics;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// A PostgreSQL server of one test's own (scripts/postgres.sh on a free port, data under /tmp), so the
/// test may stop and start it without disturbing the shared server other tests use.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _folder;

    private DedicatedPostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_folder, "pg");

    /// <summary>The server's log (postgres.sh passes -l to pg_ctl).</summary>
    public string LogPath => Path.Combine(DataDirectory, "server.log");

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<DedicatedPostgres> StartAsync()
    {
        // The server runs as the postgres user: its folder's parent must be reachable by it (as scripts/test.sh does).
        var folder = Directory.CreateTempSubdirectory("tv-cluster-pg.").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        var server = new DedicatedPostgres(folder, FreePort.Next());
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates and migrates <paramref name="database"/> with the one-shot migrator, as scripts/run.sh and compose do.</summary>
    public async Task<string> MigrateAsync(string database, string logFolder)
    {
        var connectionString = ConnectionString(database);
        await using var migrator = ManagedProcess.Start("migrator", ProductBinaries.Dll(ProductBinaries.Migrator),
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = connectionString }, Path.Combine(logFolder, "migrator.log"));
        await migrator.WaitForExitAsync(TimeSpan.FromSeconds(60));
        if (migrator.ExitCode != 0)
        {
            throw new InvalidOperationException($"The migrator failed with exit code {migrator.ExitCode}; log: {migrator.LogPath}{Environment.NewLine}{migrator.Tail()}");
        }
        return connectionString;
    }

    /// <summary>Copies the server's log into a test's log folder as postgres.log; best effort (scripts/test.sh empties TestResults when it starts).</summary>
    public void KeepLogIn(string logFolder)
    {
        try
        {
            Directory.CreateDirectory(logFolder);
            File.Copy(LogPath, Path.Combine(logFolder, "postgres.log"), overwrite: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>pg_ctl stop -m fast: every session is terminated, like a server restart or failover.</summary>
    public Task<TimeSpan> StopAsync() => ScriptAsync("stop", DataDirectory);

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public Task<TimeSpan> StartAgainAsync() => ScriptAsync("start", DataDirectory, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<TimeSpan> ScriptAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(ProductBinaries.RepositoryRoot, "scripts", "postgres.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not run scripts/postgres.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
