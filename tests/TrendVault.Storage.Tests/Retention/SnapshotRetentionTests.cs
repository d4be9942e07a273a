using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage.Catalog;
using TrendVault.Storage.Collection;
using TrendVault.Storage.Compaction;
using TrendVault.Storage.Retention;
using TrendVault.Storage.Snapshots;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests.Retention;

public sealed class SnapshotRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 4, 10, 0, 0, 0, TimeSpan.Zero);
    private PostgresTestDatabase _database = null!;
    private SnapshotWriter _writer = null!;
    private SnapshotRetention _retention = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions()), new SnapshotWriterMetrics(new TestMeters()), NullLogger<SnapshotWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
        _retention = new SnapshotRetention(_database.DataSource, NullLogger<SnapshotRetention>.Instance);
        await new CatalogStore(_database.DataSource).UpsertRegionsAsync([new RegionInfo("NL", "Netherlands")], Day);
    }

    [Fact]
    public async Task Snapshots_days_and_ranks_older_than_the_cutoff_go_and_the_rest_stay_in_small_batches()
    {
        // Day 0 and day 1 compacted, day 2 and 3 hot; ranks every 6 hours over the four days.
        for (var hour = 0; hour < 96; hour += 6)
        {
            await CollectAsync(Day.AddHours(hour), "aaaaaaaaaaa", "bbbbbbbbbbb");
        }
        await new SnapshotCompactor(_database.DataSource, new CompactionMetrics(new TestMeters()), NullLogger<SnapshotCompactor>.Instance).CompactAsync(Day.AddDays(2), TimeSpan.FromHours(1));

        // Cutoff in the middle of day 1: day 0 goes whole, day 1 stays whole until all of it is older.
        var result = await _retention.PruneAsync(Day.AddDays(1).AddHours(12), batchSize: 3);

        Assert.Equal((0L, 2L, 12L), (result.Snapshots, result.SnapshotDays, result.TrendingEntries));
        Assert.Equal(Day.AddDays(1).AddHours(12).UtcDateTime, await _database.ScalarAsync<DateTime>("SELECT min(bucket) FROM trending_entries"));
        Assert.Equal(Day.AddDays(1).UtcDateTime, await _database.ScalarAsync<DateTime>("SELECT min(day) FROM video_snapshot_days"));
        Assert.Equal(16L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots"));

        var later = await _retention.PruneAsync(Day.AddDays(3), batchSize: 3);

        Assert.Equal((8L, 2L, 12L), (later.Snapshots, later.SnapshotDays, later.TrendingEntries));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshot_days"));
        Assert.Equal(Day.AddDays(3).UtcDateTime, await _database.ScalarAsync<DateTime>("SELECT min(bucket) FROM video_snapshots"));
    }

    [Fact]
    public async Task A_pass_with_nothing_older_than_the_cutoff_removes_nothing()
    {
        await CollectAsync(Day, "ccccccccccc");

        var result = await _retention.PruneAsync(Day, batchSize: 100);

        Assert.Equal((0L, 0L, 0L), (result.Snapshots, result.SnapshotDays, result.TrendingEntries));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM trending_entries"));
    }

    [Fact]
    public async Task A_video_last_charted_before_the_cutoff_loses_its_chart_rows_and_its_last_chart_bucket()
    {
        await CollectAsync(Day, "ddddddddddd", "eeeeeeeeeee");
        await CollectAsync(Day.AddDays(2), "eeeeeeeeeee");

        await _retention.PruneAsync(Day.AddDays(1), batchSize: 1);

        var charted = await _database.RowsAsync("""
            SELECT v.youtube_id, g.last_chart_bucket, (SELECT count(*) FROM video_chart_regions r WHERE r.video_id = v.id)
            FROM videos v JOIN video_sightings g ON g.video_id = v.id ORDER BY 1
            """);
        Assert.Equal([new object?[] { "ddddddddddd", null, 0L }, new object?[] { "eeeeeeeeeee", Day.AddDays(2).UtcDateTime, 1L }], charted);
    }

    private async Task CollectAsync(DateTimeOffset bucket, params string[] videos)
    {
        foreach (var video in videos)
        {
            await _writer.WriteAsync(new SnapshotRecord(
                new VideoMetadata(video, "t", "c", "c", 1, bucket, null, [], null, null, null), new VideoStatistics(bucket.Hour + 1, 1, 1), bucket, bucket));
        }
        var runs = new CollectionRunStore(_database.DataSource);
        await runs.StartAsync("NL", bucket, bucket);
        await runs.CompleteAsync("NL", bucket, videos.Select((video, i) => new TrendingEntry(i + 1, video)).ToList(), 1, BrokenItems.None, bucket);
    }

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        await _database.DisposeAsync();
    }
}
