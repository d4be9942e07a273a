using TrendVault.Bench;

namespace TrendVault.Bench.Tests;

/// <summary>
/// The benchmark harness at smoke sizes against the test server, so it cannot rot. Figures are not
/// judged here (speed is the full benchmark's business), only that every one is produced and sane.
/// </summary>
public sealed class BenchSmokeTests(ITestOutputHelper output)
{
    private static readonly string[] ExpectedRows =
    [
        "storage.all", "storage.older", "storage.hot",
        "latency.hour", "latency.day", "latency.top", "latency.board", "latency.yearback",
        "throughput.video", "throughput.board", "throughput.board.cached",
        "collection.cold", "collection.steady", "collection.rate", "collection.rate-wall", "collection.writer",
        "memory.peak", "memory.refresh", "memory.deactivated",
        "realistic.videos", "realistic.bytes", "realistic.compacted",
        "realistic.videos.lastSeen", "realistic.videos.firstSeen", "realistic.videos.published", "realistic.videos.title", "realistic.videos.views",
        "realistic.videos.q", "realistic.videos.q.rare", "realistic.videos.region", "realistic.videos.deep", "realistic.videos.after", "realistic.videos.after.halfway", "realistic.video", "realistic.series.hour", "realistic.series.day",
        "realistic.status", "realistic.top.24h", "realistic.top.24h.region", "realistic.top.30d", "realistic.top.30d.region", "realistic.gaps.30d",
        "realistic.board", "realistic.board.yearback", "realistic.regions", "realistic.region", "realistic.categories",
        "realistic.export.first", "realistic.export.rate", "realistic.tracker",
        "import.rows_per_second", "import.again_rows_per_second",
    ];

    // One row per table of at least 1 MiB: at smoke sizes the hot snapshots (the charts are a few hundred kB).
    private static readonly string[] ExpectedTableRows = ["realistic.bytes.video_snapshots"];

    [Fact]
    public async Task The_smoke_run_produces_every_row_with_positive_figures()
    {
        var server = Environment.GetEnvironmentVariable("TRENDVAULT_TEST_PG")
            ?? throw new InvalidOperationException("TRENDVAULT_TEST_PG is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var options = new BenchOptions
        {
            ServerConnectionString = server,
            // Smoke sizes trimmed further to keep CI's run short; the figures only need to exist.
            Sizes = BenchSizes.Smoke with
            {
                LatencyRequests = 20,
                LatencyBudget = TimeSpan.FromSeconds(1),
                Warmup = TimeSpan.FromMilliseconds(200),
                ThroughputDuration = TimeSpan.FromMilliseconds(500),
                TrackedVideos = 1_000,
                CatalogVideos = 2_000,
                RealisticRequests = 10,
                RealisticBudget = TimeSpan.FromSeconds(1),
                TrackerScans = 1,
            },
            WorkDirectory = Path.Combine(Path.GetTempPath(), "trendvault-bench-smoke-test"),
        };

        var table = await BenchRunner.RunAsync(options, new TestOutputWriter(output));

        Assert.Equal(ExpectedRows, table.Rows.Select(row => row.Key).Where(key => !key.StartsWith("realistic.bytes.", StringComparison.Ordinal)));
        Assert.Subset(table.Rows.Select(row => row.Key).ToHashSet(), ExpectedTableRows.ToHashSet());
        Assert.All(table.Rows.Where(row => row.Key != "memory.deactivated"), row => Assert.True(row.Value > 0, $"{row.Key}: {row.Value}"));
        Assert.All(table.Rows.Where(row => !double.IsNaN(row.BaselineValue)), row => Assert.True(row.BaselineValue > 0, $"{row.Key} baseline: {row.BaselineValue}"));
        Assert.Equal(0, table.Rows.Single(row => row.Key == "memory.deactivated").Value);
        var rendered = table.Render();
        Assert.Contains($"{Environment.ProcessorCount} cores", rendered, StringComparison.Ordinal);
        Assert.All(table.Rows, row => Assert.Contains(row.Benchmark, rendered, StringComparison.Ordinal));
    }
}
