using System.Globalization;
using Npgsql;
using TrendVault.Bench.Hosting;
using TrendVault.Bench.Load;
using TrendVault.Bench.Report;
using TrendVault.Bench.Scenarios;
using TrendVault.Bench.Storage;
using TrendVault.FakeYouTube.Data;
using TrendVault.Processes;

namespace TrendVault.Bench;

/// <summary>
/// Runs every benchmark of issue 6, one heavy thing at a time, and returns the one table of figures.
/// Starts the fake API, then for the year: a database, a silo and the gateway (storage, query latency,
/// throughput, collection cycle); then for memory: another database and a fresh silo.
/// </summary>
public static class BenchRunner
{
    public static async Task<ResultTable> RunAsync(BenchOptions options, TextWriter log)
    {
        var sizes = options.Sizes;
        ProductBinaries.PublishedSilo = options.SiloDirectory;
        var tool = (ILoadTool?)HeyLoadTool.Find() ?? new InProcessLoadTool();
        var logDirectory = Path.Combine(options.WorkDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{sizes.Name}");
        var table = new ResultTable(await HeadingAsync(options, tool));
        log.WriteLine($"Benchmark ({sizes.Name}); logs of the processes in {logDirectory}");

        await using var fake = await FakeYouTubeProcess.StartAsync(Math.Max(FakeCatalog.PoolSize, sizes.TrackedVideos), logDirectory);
        if (options.Runs("year") || options.Runs("collection"))
        {
            await RunYearDatabaseAsync(options, fake, tool, table, log, logDirectory);
        }
        if (options.Runs("memory"))
        {
            await TimedAsync(log, () => MemoryBenchmark.RunAsync(options.ServerConnectionString, fake, sizes, table, log, logDirectory, options.KeepDatabases));
        }
        if (options.Runs("realistic"))
        {
            await TimedAsync(log, () => RunRealisticAsync(options, fake, tool, table, log, logDirectory));
        }
        if (options.Runs("import"))
        {
            await TimedAsync(log, () => ImportBenchmark.RunAsync(options.ServerConnectionString, sizes, logDirectory, table, log, options.KeepDatabases));
        }
        return table;
    }

    private static async Task RunRealisticAsync(BenchOptions options, FakeYouTubeProcess fake, ILoadTool tool, ResultTable table, TextWriter log, string logDirectory)
    {
        var sizes = options.Sizes;
        await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "realistic", options.KeepDatabases);
        var hour = TimeSpan.FromHours(1);
        var now = DateTimeOffset.UtcNow;
        var lastBucket = new DateTimeOffset(now.Ticks / hour.Ticks * hour.Ticks, TimeSpan.Zero) - hour;
        var year = new RealisticYear(sizes.RealisticDays * 24, sizes.YearRegions, lastBucket);
        // Hour buckets, as production: the gateway's gap reports count them. No regions are collected and the trackers stay idle.
        await RealisticYearBenchmark.RunAsync(database,
            () => ProductCluster.StartAsync("realistic", database, fake, new ClusterSettings { BucketSize = hour, TrackingDays = 0, WithGateway = true }, logDirectory),
            year, sizes, tool, table, log);
        if (options.KeepDatabases)
        {
            log.WriteLine($"Kept database {database.Name} (the realistic year)");
        }
    }

    private static async Task RunYearDatabaseAsync(BenchOptions options, FakeYouTubeProcess fake, ILoadTool tool, ResultTable table, TextWriter log, string logDirectory)
    {
        var sizes = options.Sizes;
        await using (var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, "year", options.KeepDatabases))
        {
            await using var cluster = await ProductCluster.StartAsync("year", database, fake,
                new ClusterSettings { BucketSize = sizes.CollectionBucket, TrackingDays = 0, WithGateway = true, WithCachedGateway = true }, logDirectory);
            var hour = TimeSpan.FromHours(1);
            var now = DateTimeOffset.UtcNow;
            var lastBucket = new DateTimeOffset(now.Ticks / hour.Ticks * hour.Ticks, TimeSpan.Zero) - hour;
            var year = new SyntheticYear(sizes.Videos, sizes.Hours, sizes.YearRegions, lastBucket);
            if (options.Runs("year"))
            {
                await TimedAsync(log, () => StorageBenchmark.RunAsync(database, year, sizes, table, log));
                await TimedAsync(log, () => QueryLatencyBenchmark.RunAsync(cluster.GatewayUrl!, year, sizes, tool, table, log));
                await TimedAsync(log, () => ThroughputBenchmark.RunAsync(cluster.CachedGatewayUrl!, year, sizes, tool, table, log));
            }
            if (options.Runs("collection"))
            {
                await TimedAsync(log, () => CollectionBenchmark.RunAsync(cluster, database, fake, sizes, table, log));
            }
            if (options.KeepDatabases)
            {
                log.WriteLine($"Kept database {database.Name} (the loaded year)");
            }
        }
    }

    private static async Task TimedAsync(TextWriter log, Func<Task> benchmark)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await benchmark();
        log.WriteLine($"  ({watch.Elapsed.TotalSeconds:F1} s)");
    }

    private static async Task<string> HeadingAsync(BenchOptions options, ILoadTool tool)
    {
        await using var connection = new NpgsqlConnection(options.ServerConnectionString);
        await connection.OpenAsync();
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var silo = options.SiloDirectory is null ? "" : ", silo published ReadyToRun as the Dockerfile does";
        return string.Create(CultureInfo.InvariantCulture,
            $"TrendVault benchmarks ({options.Sizes.Name}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores (Environment.ProcessorCount) shared by PostgreSQL, silo, gateway, fake API and the load tool; " +
            $"{long.Parse(memory, CultureInfo.InvariantCulture) / (1024.0 * 1024):F1} GiB RAM; PostgreSQL {connection.PostgreSqlVersion}; {ProductBinaries.Configuration} build{silo}; load tool: {tool.Name}.");
    }
}
