using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage.Snapshots;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

public sealed class SnapshotWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Bucket = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private PostgresTestDatabase _database = null!;
    private SnapshotWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions()), NullLogger<SnapshotWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_written_snapshot_is_committed_when_its_task_completes()
    {
        await _writer.WriteAsync(Record("aaaaaaaaaaa", new VideoStatistics(5_000_000_000, 12, 3)));

        var row = Assert.Single(await _database.RowsAsync(
            "SELECT s.bucket, s.views, s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'aaaaaaaaaaa'"));
        Assert.Equal(new object?[] { Bucket.UtcDateTime, 5_000_000_000L, 12L, 3L }, row);
    }

    [Fact]
    public async Task Hidden_counts_are_stored_as_null()
    {
        await _writer.WriteAsync(Record("bbbbbbbbbbb", new VideoStatistics(10, null, null)));

        var row = Assert.Single(await _database.RowsAsync(
            "SELECT s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'bbbbbbbbbbb'"));
        Assert.Equal(new object?[] { null, null }, row);
    }

    [Fact]
    public async Task Writing_the_same_video_and_bucket_twice_keeps_the_first_snapshot()
    {
        await _writer.WriteAsync(Record("ccccccccccc", new VideoStatistics(100, 1, 1)));
        await _writer.WriteAsync(Record("ccccccccccc", new VideoStatistics(200, 2, 2)));

        var views = await _database.RowsAsync(
            "SELECT s.views FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'ccccccccccc'");
        Assert.Equal(100L, Assert.Single(views)[0]);
    }

    [Fact]
    public async Task Concurrent_writes_of_many_videos_all_commit_with_one_row_each()
    {
        var ids = Enumerable.Range(0, 500).Select(i => $"v{i:D10}").ToList();

        await Task.WhenAll(ids.Select(id => _writer.WriteAsync(Record(id, new VideoStatistics(1, 1, 1)))));

        Assert.Equal(500L, await _database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots WHERE bucket = $1", Bucket.UtcDateTime));
        Assert.Equal(500L, await _database.ScalarAsync<long>("SELECT count(*) FROM videos WHERE youtube_id LIKE 'v%'"));
    }

    [Fact]
    public async Task Newer_metadata_replaces_the_stored_title_and_keeps_first_seen()
    {
        await _writer.WriteAsync(Record("ddddddddddd", new VideoStatistics(1, 1, 1), "Old title", seenAt: Bucket));
        await _writer.WriteAsync(Record("ddddddddddd", new VideoStatistics(2, 2, 2), "New title", bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));

        var row = Assert.Single(await _database.RowsAsync("SELECT title, first_seen_at, last_seen_at FROM videos WHERE youtube_id = 'ddddddddddd'"));
        Assert.Equal(new object?[] { "New title", Bucket.UtcDateTime, Bucket.AddHours(1).UtcDateTime }, row);
    }

    private static SnapshotRecord Record(string id, VideoStatistics statistics, string title = "Title", DateTimeOffset? bucket = null, DateTimeOffset? seenAt = null) =>
        new(new VideoMetadata(id, title, "UCchannel000000000000000", "Channel", 10, Bucket.AddDays(-1), TimeSpan.FromSeconds(253), ["a", "b"], "line1\nline2", null, "en"),
            statistics, bucket ?? Bucket, seenAt ?? Bucket.AddMinutes(5));

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _database.DisposeAsync();
    }
}
