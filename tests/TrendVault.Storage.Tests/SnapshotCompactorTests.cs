using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage.Compaction;
using TrendVault.Storage.Snapshots;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

public sealed class SnapshotCompactorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 4, 10, 0, 0, 0, TimeSpan.Zero);
    private PostgresTestDatabase _database = null!;
    private SnapshotWriter _writer = null!;
    private SnapshotCompactor _compactor = null!;
    private readonly TestMeters _meters = new();

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions()), new SnapshotWriterMetrics(new TestMeters()), NullLogger<SnapshotWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
        _compactor = new SnapshotCompactor(_database.DataSource, new CompactionMetrics(_meters), NullLogger<SnapshotCompactor>.Instance);
    }

    [Fact]
    public async Task Compacted_snapshots_read_back_exactly_with_gaps_hidden_counts_and_huge_views()
    {
        // Hour 2 is missing, likes are hidden at hour 1, views are beyond 2^32.
        var written = new (int Hour, VideoStatistics Stats)[]
        {
            (0, new VideoStatistics(5_000_000_000, 10, 1)),
            (1, new VideoStatistics(5_000_100_000, null, 2)),
            (3, new VideoStatistics(5_000_900_000, 30, null)),
            (23, new VideoStatistics(5_002_000_000, 40, 4)),
        };
        foreach (var (hour, stats) in written)
        {
            await _writer.WriteAsync(Record("aaaaaaaaaaa", stats, Day.AddHours(hour)));
        }
        var before = await PointsAsync("aaaaaaaaaaa");

        var moved = await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        Assert.Equal(4, moved);
        Assert.Equal(1, _meters.Sum("trendvault.compaction.days"));
        Assert.Equal(4, _meters.Sum("trendvault.compaction.snapshots"));
        Assert.Equal(before, await PointsAsync("aaaaaaaaaaa"));
        Assert.Equal(written.Select(w => (Day.AddHours(w.Hour).UtcDateTime, w.Stats.Views!.Value, w.Stats.Likes, w.Stats.Comments)), before);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots"));
    }

    [Fact]
    public async Task The_latest_snapshot_of_a_compacted_video_is_its_last_filled_slot()
    {
        await _writer.WriteAsync(Record("bbbbbbbbbbb", new VideoStatistics(1, 1, 1), Day.AddHours(5)));
        await _writer.WriteAsync(Record("bbbbbbbbbbb", new VideoStatistics(9, 2, 3), Day.AddHours(17)));

        await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        var latest = Assert.Single(await _database.RowsAsync(
            "SELECT l.bucket, l.views FROM videos v, LATERAL video_latest(v.id) l WHERE v.youtube_id = 'bbbbbbbbbbb'"));
        Assert.Equal(new object?[] { Day.AddHours(17).UtcDateTime, 9L }, latest);
    }

    [Fact]
    public async Task The_daily_series_takes_the_last_snapshot_of_each_day_from_compacted_and_hot_days()
    {
        await _writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(1, 1, 1), Day.AddHours(5)));
        await _writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(9, null, 3), Day.AddHours(17)));
        await _writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(12, 4, 4), Day.AddDays(1).AddHours(3)));

        await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        var days = await _database.RowsAsync(
            "SELECT p.bucket, p.views, p.likes FROM videos v, LATERAL video_day_points(v.id, '-infinity', 'infinity') p WHERE v.youtube_id = 'eeeeeeeeeee' ORDER BY p.bucket");
        Assert.Equal(
            [new object?[] { Day.AddHours(17).UtcDateTime, 9L, null }, new object?[] { Day.AddDays(1).AddHours(3).UtcDateTime, 12L, 4L }],
            days);
    }

    [Fact]
    public async Task Days_that_are_not_closed_stay_in_the_hot_table()
    {
        await _writer.WriteAsync(Record("ccccccccccc", new VideoStatistics(1, 1, 1), Day.AddHours(5)));

        var moved = await _compactor.CompactAsync(Day.AddHours(23), TimeSpan.FromHours(1));

        Assert.Equal(0, moved);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots"));
    }

    [Fact]
    public async Task Compacting_twice_moves_nothing_the_second_time()
    {
        await _writer.WriteAsync(Record("ddddddddddd", new VideoStatistics(1, 1, 1), Day.AddHours(5)));
        await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        var again = await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        Assert.Equal(0, again);
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshot_days"));
    }

    [Fact]
    public async Task A_snapshot_written_again_after_its_day_was_compacted_is_read_once_after_the_next_compaction()
    {
        await _writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(100, 1, 1), Day.AddHours(5)));
        await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        // A chart held through a long outage, written now: hour 5 again (another region's chart stored it) and hour 6, new.
        await _writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(101, 1, 1), Day.AddHours(5)));
        await _writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(160, 2, 2), Day.AddHours(6)));
        var twice = await PointsAsync("eeeeeeeeeee");
        await _compactor.CompactAsync(Day.AddDays(1), TimeSpan.FromHours(1));

        Assert.Equal(3, twice.Count);
        Assert.Equal([(Day.AddHours(5).UtcDateTime, 100L, (long?)1L, (long?)1L), (Day.AddHours(6).UtcDateTime, 160L, 2L, 2L)], await PointsAsync("eeeeeeeeeee"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots"));
    }

    private async Task<List<(DateTime Bucket, long Views, long? Likes, long? Comments)>> PointsAsync(string id)
    {
        var rows = await _database.RowsAsync(
            "SELECT p.bucket, p.views, p.likes, p.comments FROM videos v, LATERAL video_points(v.id, '-infinity', 'infinity') p WHERE v.youtube_id = $1 ORDER BY p.bucket", id);
        return rows.Select(r => ((DateTime)r[0]!, (long)r[1]!, (long?)r[2], (long?)r[3])).ToList();
    }

    private static SnapshotRecord Record(string id, VideoStatistics statistics, DateTimeOffset bucket) =>
        new(new VideoMetadata(id, "Title", "UCchannel000000000000000", "Channel", 10, Day.AddDays(-1), TimeSpan.FromSeconds(60), [], null, null, null),
            statistics, bucket, bucket.AddMinutes(5));

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _database.DisposeAsync();
        _meters.Dispose();
    }
}
