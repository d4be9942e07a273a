using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using TrendVault.Bench.Hosting;
using TrendVault.Bench.Report;
using TrendVault.FakeYouTube.Data;
using TrendVault.Grains;

namespace TrendVault.Bench.Scenarios;

/// <summary>
/// Silo peak RSS (VmHWM) while it refreshes a large tracked set in one cycle: videos last on a chart
/// within the tracking window, whose ids the fake API knows, refreshed by every tracker shard at once.
/// Then whether the idle video grains can be deactivated, and what that gives back.
/// </summary>
public static class MemoryBenchmark
{
    private const int TrackerShards = 4;

    // This measures one refresh of the whole tracked set, not pacing: an hour's share of this quota covers it.
    private const int UnpacedDailyUnits = 1_000_000;
    private const double MiB = 1 << 20;

    public static async Task RunAsync(string server, FakeYouTubeProcess fake, BenchSizes sizes, ResultTable table, TextWriter log, string logDirectory, bool keep)
    {
        await using var database = await BenchDatabase.CreateAsync(server, "memory", keep);
        // Hour buckets and ticks: the trackers' own reminders stay out of the way; the benchmark calls them.
        await using var cluster = await ProductCluster.StartAsync("memory", database, fake,
            new ClusterSettings { BucketSize = TimeSpan.FromHours(1), TrackingDays = 7, WithGateway = false, DailyUnits = UnpacedDailyUnits }, logDirectory);
        log.WriteLine($"Memory: {sizes.TrackedVideos:N0} tracked videos refreshed by {TrackerShards} tracker shards");
        await SeedAsync(database, sizes.TrackedVideos);
        var idle = cluster.Silo.Memory().Current;

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, TrackerShards).Select(shard => cluster.Client.GetGrain<ITrackerGrain>(shard).RefreshNowAsync()));
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = cluster.Silo.Memory().Peak;
        var refreshed = results.Sum(r => r.Videos);
        if (results.FirstOrDefault(r => r.Status != "succeeded") is { } failed || refreshed != sizes.TrackedVideos)
        {
            throw new InvalidOperationException($"Refreshed {refreshed} of {sizes.TrackedVideos} videos ({string.Join(", ", results.Select(r => $"{r.Shard}: {r.Status} {r.Error}"))}); see {cluster.Silo.LogPath}");
        }

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var active = await VideoActivationsAsync(management);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var hosts = await management.GetHosts(onlyActive: true);
        await management.ForceGarbageCollection([.. hosts.Keys]);
        var after = await VideoActivationsAsync(management);
        var released = cluster.Silo.Memory().Current;

        table.Add(new ResultRow("memory.peak", $"Memory: silo peak RSS (VmHWM), {sizes.TrackedVideos:N0} videos tracked and refreshed in one cycle",
            $"{peak / MiB:N0} MiB", peak / MiB, $"{idle / MiB:N0} MiB: the same silo idle before the refresh", idle / MiB, "≤ 1,024 MiB", peak / MiB <= 1024));
        var rate = refreshed / seconds;
        table.Add(new ResultRow("memory.refresh", $"Tracker refresh of {refreshed:N0} videos ({results.Sum(r => r.ApiCalls):N0} API calls)",
            $"{seconds:F1} s ({rate:N0} videos/s)", rate, "–", double.NaN, "–", null));
        table.Add(new ResultRow("memory.deactivated", "Idle video grains deactivated",
            $"{active:N0} active after the refresh → {after:N0} after collecting idle ones; RSS then {released / MiB:N0} MiB", after,
            "–", double.NaN, "deactivated when idle (Orleans' default collection age, 15 min)", after == 0));
    }

    private static async Task<int> VideoActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("VideoGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);

    /// <summary>Videos of the fake API's pool, last on a chart between one hour and six and a half days ago.</summary>
    private static async Task SeedAsync(BenchDatabase database, int count)
    {
        var catalog = new FakeCatalog(poolSize: Math.Max(FakeCatalog.PoolSize, count));
        var now = DateTimeOffset.UtcNow;
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY videos (youtube_id, title, channel_id, channel_title, first_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
        {
                var video = catalog.Videos[i];
                var lastSeen = now - TimeSpan.FromHours(1) - TimeSpan.FromDays(5.5) * i / count;
                await importer.StartRowAsync();
                await importer.WriteAsync(video.Id, NpgsqlDbType.Text);
                await importer.WriteAsync(video.Title, NpgsqlDbType.Text);
                await importer.WriteAsync(video.ChannelId, NpgsqlDbType.Text);
                await importer.WriteAsync(video.ChannelTitle, NpgsqlDbType.Text);
                await importer.WriteAsync((lastSeen - TimeSpan.FromDays(2)).UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync();
        }
        // Each was last on a chart two days after it was first seen.
        await using var sightings = new NpgsqlCommand("INSERT INTO video_sightings (video_id, last_seen_at) SELECT id, first_seen_at + interval '2 days' FROM videos", connection);
        await sightings.ExecuteNonQueryAsync();
    }
}
