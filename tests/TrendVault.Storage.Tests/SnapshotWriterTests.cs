using System.Diagnostics;
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
        _writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions()), new SnapshotWriterMetrics(new TestMeters()), NullLogger<SnapshotWriter>.Instance);
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

        var row = Assert.Single(await _database.RowsAsync("SELECT v.title, v.first_seen_at, g.last_seen_at FROM videos v JOIN video_sightings g ON g.video_id = v.id WHERE v.youtube_id = 'ddddddddddd'"));
        Assert.Equal(new object?[] { "New title", Bucket.UtcDateTime, Bucket.AddHours(1).UtcDateTime }, row);
    }

    [Fact]
    public async Task A_known_video_with_unchanged_metadata_takes_the_copy_path()
    {
        using var meters = new TestMeters();
        var writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions()), new SnapshotWriterMetrics(meters), NullLogger<SnapshotWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(1, 1, 1)));
        var firstByCopy = meters.Sum("trendvault.snapshots.written", "path", "copy");
        await writer.WriteAsync(Record("eeeeeeeeeee", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, firstByCopy);
        Assert.Equal((1L, 1L), (meters.Sum("trendvault.snapshots.written", "path", "copy"), meters.Sum("trendvault.snapshots.written", "path", "merge")));
        var views = await _database.RowsAsync(
            "SELECT s.views FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'eeeeeeeeeee' ORDER BY s.bucket");
        Assert.Equal([1L, 2L], views.Select(row => row[0]));
    }

    [Fact]
    public async Task A_chart_sighting_on_the_copy_path_moves_last_seen()
    {
        await _writer.WriteAsync(Record("fffffffffff", new VideoStatistics(1, 1, 1), seenAt: Bucket));
        await _writer.WriteAsync(Record("fffffffffff", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));

        Assert.Equal(Bucket.AddHours(1).UtcDateTime, await LastSeenAsync("fffffffffff"));
    }

    [Fact]
    public async Task An_off_chart_refresh_on_the_copy_path_keeps_last_seen()
    {
        await _writer.WriteAsync(Record("ggggggggggg", new VideoStatistics(1, 1, 1), seenAt: Bucket));
        await _writer.WriteAsync(Record("ggggggggggg", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)) with { OnChart = false });

        Assert.Equal(Bucket.UtcDateTime, await LastSeenAsync("ggggggggggg"));
        Assert.Equal(2L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'ggggggggggg'"));
    }

    [Fact]
    public async Task A_chart_sighting_after_an_off_chart_refresh_of_the_same_bucket_moves_last_seen_and_keeps_the_first_snapshot()
    {
        await _writer.WriteAsync(Record("hhhhhhhhhhh", new VideoStatistics(1, 1, 1)));
        await _writer.WriteAsync(Record("hhhhhhhhhhh", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1).AddMinutes(1)) with { OnChart = false });

        await _writer.WriteAsync(Record("hhhhhhhhhhh", new VideoStatistics(3, 3, 3), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1).AddMinutes(2)));

        Assert.Equal(Bucket.AddHours(1).AddMinutes(2).UtcDateTime, await LastSeenAsync("hhhhhhhhhhh"));
        var views = await _database.RowsAsync(
            "SELECT s.views FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'hhhhhhhhhhh' ORDER BY s.bucket");
        Assert.Equal([1L, 2L], views.Select(row => row[0]));
    }

    [Fact]
    public async Task Each_video_keeps_its_latest_views_beside_its_sighting_and_a_snapshot_stored_late_does_not_replace_them()
    {
        await _writer.WriteAsync(Record("kkkkkkkkkkk", new VideoStatistics(20, 1, 1), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));
        await _writer.WriteAsync(Record("kkkkkkkkkkk", new VideoStatistics(10, 1, 1), bucket: Bucket, seenAt: Bucket));
        var afterLate = await LatestAsync("kkkkkkkkkkk");
        await _writer.WriteAsync(Record("kkkkkkkkkkk", new VideoStatistics(30, 1, 1), bucket: Bucket.AddHours(2), seenAt: Bucket.AddHours(2)));

        Assert.Equal(new object?[] { Bucket.AddHours(1).UtcDateTime, 20L }, afterLate);
        Assert.Equal(new object?[] { Bucket.AddHours(2).UtcDateTime, 30L }, await LatestAsync("kkkkkkkkkkk"));
    }

    [Fact]
    public async Task Each_video_keeps_its_first_point_beside_its_sighting_and_an_earlier_one_stored_late_takes_its_place()
    {
        await _writer.WriteAsync(Record("fffffffffff", new VideoStatistics(20, null, 2), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));
        await _writer.WriteAsync(Record("fffffffffff", new VideoStatistics(30, 4, 3), bucket: Bucket.AddHours(2), seenAt: Bucket.AddHours(2)));
        var beforeLate = await FirstAndLatestAsync("fffffffffff");
        await _writer.WriteAsync(Record("fffffffffff", new VideoStatistics(10, 1, 1), bucket: Bucket, seenAt: Bucket));

        // Likes hidden at the first point are kept as hidden: top gainers then look for the first visible one.
        Assert.Equal(new object?[] { Bucket.AddHours(1).UtcDateTime, 20L, null, 2L, Bucket.AddHours(2).UtcDateTime, 30L, 4L, 3L }, beforeLate);
        Assert.Equal(new object?[] { Bucket.UtcDateTime, 10L, 1L, 1L, Bucket.AddHours(2).UtcDateTime, 30L, 4L, 3L }, await FirstAndLatestAsync("fffffffffff"));
    }

    [Fact]
    public async Task A_video_without_a_view_count_is_stored_with_its_sighting_and_without_a_snapshot()
    {
        await _writer.WriteAsync(Record("iiiiiiiiiii", new VideoStatistics(null, 5, 1)));
        await _writer.WriteAsync(Record("iiiiiiiiiii", new VideoStatistics(null, null, null), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));

        Assert.Equal(Bucket.AddHours(1).UtcDateTime, await LastSeenAsync("iiiiiiiiiii"));
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = 'iiiiiiiiiii'"));
    }

    // Built in code: attribute arguments go through UTF-8 metadata, which cannot hold a lone surrogate.
    public static TheoryData<string, SnapshotRecord> Unwritable => new()
    {
        { "a lone surrogate in a new video's title", Record("tbroken0000", new VideoStatistics(2, 2, 2), "cut \ud83d", bucket: Bucket.AddHours(1)) },
        { "a lone surrogate in a known video's id", Record("iknown\ud83d0000", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(1)) },
        { "a category id beyond smallint", Record("cbroken0000", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(1)) is var r ? r with { Metadata = r.Metadata with { CategoryId = 40_000 } } : null! },
    };

    // One batch (a long linger gathers every record) holds one record the client cannot write.
    [Theory]
    [MemberData(nameof(Unwritable), DisableDiscoveryEnumeration = true)]
    public async Task A_record_that_cannot_be_written_fails_alone_and_the_rest_of_its_batch_commits(string what, SnapshotRecord broken)
    {
        var prefix = broken.Metadata.YouTubeId[..1];
        var next = Bucket.AddHours(1);
        var known = Enumerable.Range(0, 10).Select(i => $"{prefix}known{i:D5}").ToList();
        await Task.WhenAll(known.Select(id => _writer.WriteAsync(Record(id, new VideoStatistics(1, 1, 1)))));
        using var meters = new TestMeters();
        var writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions { Linger = TimeSpan.FromMilliseconds(500) }), new SnapshotWriterMetrics(meters), NullLogger<SnapshotWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var good = known.Select(id => Record(id, new VideoStatistics(2, 2, 2), bucket: next))
            .Concat(Enumerable.Range(0, 10).Select(i => Record($"{prefix}fresh{i:D5}", new VideoStatistics(2, 2, 2), bucket: next)))
            .Select(record => writer.WriteAsync(record)).ToList();
        var bad = writer.WriteAsync(broken);
        await Task.WhenAll(good);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => bad);
        await writer.StopAsync(CancellationToken.None);

        Assert.True(failure is ArgumentException or OverflowException, $"{what}: {failure}");
        Assert.Equal(20L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE s.bucket = $1 AND v.youtube_id LIKE $2",
            next.UtcDateTime, prefix + "%"));
        Assert.True(meters.Sum("trendvault.writer.splits") > 0, "the batch of 21 was not written in halves");
    }

    [Fact]
    public async Task A_chart_snapshot_moves_the_last_chart_bucket_on_either_path_and_a_refresh_or_a_late_one_does_not()
    {
        await _writer.WriteAsync(Record("qqqqqqqqqqq", new VideoStatistics(1, 1, 1), bucket: Bucket.AddHours(1), seenAt: Bucket.AddHours(1)));
        var merged = await LastChartBucketAsync("qqqqqqqqqqq");

        await _writer.WriteAsync(Record("qqqqqqqqqqq", new VideoStatistics(2, 2, 2), bucket: Bucket.AddHours(2), seenAt: Bucket.AddHours(2)));
        await _writer.WriteAsync(Record("qqqqqqqqqqq", new VideoStatistics(3, 3, 3), bucket: Bucket.AddHours(3), seenAt: Bucket.AddHours(3)) with { OnChart = false });
        // A chart held through an outage and written late.
        await _writer.WriteAsync(Record("qqqqqqqqqqq", new VideoStatistics(0, 0, 0), bucket: Bucket, seenAt: Bucket.AddHours(4)));

        Assert.Equal(Bucket.AddHours(1).UtcDateTime, merged);
        Assert.Equal(Bucket.AddHours(2).UtcDateTime, await LastChartBucketAsync("qqqqqqqqqqq"));
    }

    private Task<DateTime> LastChartBucketAsync(string youTubeId) =>
        _database.ScalarAsync<DateTime>("SELECT g.last_chart_bucket FROM videos v JOIN video_sightings g ON g.video_id = v.id WHERE v.youtube_id = $1", youTubeId);

    private Task<DateTime> LastSeenAsync(string youTubeId) =>
        _database.ScalarAsync<DateTime>("SELECT g.last_seen_at FROM videos v JOIN video_sightings g ON g.video_id = v.id WHERE v.youtube_id = $1", youTubeId);

    [Fact]
    public async Task A_committed_batch_counts_its_records_as_snapshots_written_and_as_one_batch_of_that_size()
    {
        using var meters = new TestMeters();
        var writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions { Linger = TimeSpan.FromMilliseconds(500) }),
            new SnapshotWriterMetrics(meters), NullLogger<SnapshotWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => writer.WriteAsync(Record($"m{i:D10}", new VideoStatistics(1, 1, 1)))));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(40, meters.Sum("trendvault.snapshots.written"));
        Assert.Equal(40, meters.Sum("trendvault.writer.batch.size"));
        Assert.Equal(0, meters.Sum("trendvault.writer.failed"));
    }

    [Fact]
    public async Task A_record_that_cannot_be_encoded_counts_one_failed_batch_by_its_reason()
    {
        using var meters = new TestMeters();
        var writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions()), new SnapshotWriterMetrics(meters), NullLogger<SnapshotWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var broken = Record("obroken0000", new VideoStatistics(1, 1, 1)) is var r ? r with { Metadata = r.Metadata with { CategoryId = 40_000 } } : null!;

        await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync(broken));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(1, meters.Sum("trendvault.writer.failed", "reason", "overflow"));
        Assert.Equal(0, meters.Sum("trendvault.snapshots.written"));
    }

    [Fact]
    public async Task A_batch_commit_is_a_span_linked_to_the_trace_of_each_collection_it_serves()
    {
        var commits = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TrendVaultTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (commits)
                {
                    commits.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var writer = new SnapshotWriter(_database.DataSource, Options.Create(new SnapshotWriterOptions { Linger = TimeSpan.FromMilliseconds(500) }),
            new SnapshotWriterMetrics(new TestMeters()), NullLogger<SnapshotWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var (first, firstWrite) = WriteInTrace(writer, "ttrace00001");
        var (second, secondWrite) = WriteInTrace(writer, "ttrace00002");
        await Task.WhenAll(firstWrite, secondWrite);
        await writer.StopAsync(CancellationToken.None);

        // Other tests' writers commit meanwhile: the batch is the one linked to these two traces.
        lock (commits)
        {
            var commit = Assert.Single(commits, activity => activity.Links.Any(link => link.Context.TraceId == first));
            Assert.Equal("commit snapshot batch", commit.OperationName);
            Assert.Contains(commit.Links, link => link.Context.TraceId == second);
            Assert.NotEqual(first, commit.TraceId);
        }
    }

    // A collection's trace, as a tick starts one, with one snapshot written from inside it.
    private static (ActivityTraceId Trace, Task Write) WriteInTrace(SnapshotWriter writer, string id)
    {
        using var tick = new Activity("collect region").SetIdFormat(ActivityIdFormat.W3C).Start();
        return (tick.TraceId, writer.WriteAsync(Record(id, new VideoStatistics(1, 1, 1))));
    }

    private static SnapshotRecord Record(string id, VideoStatistics statistics, string title = "Title", DateTimeOffset? bucket = null, DateTimeOffset? seenAt = null) =>
        new(new VideoMetadata(id, title, "UCchannel000000000000000", "Channel", 10, Bucket.AddDays(-1), TimeSpan.FromSeconds(253), ["a", "b"], "line1\nline2", null, "en"),
            statistics, bucket ?? Bucket, seenAt ?? Bucket.AddMinutes(5));

    private async Task<object?[]> FirstAndLatestAsync(string youTubeId) => Assert.Single(await _database.RowsAsync("""
        SELECT g.first_bucket, g.first_views, g.first_likes, g.first_comments, g.latest_bucket, g.latest_views, g.latest_likes, g.latest_comments
        FROM video_sightings g JOIN videos v ON v.id = g.video_id WHERE v.youtube_id = $1
        """, youTubeId));

    private async Task<object?[]> LatestAsync(string youTubeId) => Assert.Single(await _database.RowsAsync(
        "SELECT g.latest_bucket, g.latest_views FROM video_sightings g JOIN videos v ON v.id = g.video_id WHERE v.youtube_id = $1", youTubeId));

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _database.DisposeAsync();
    }
}
