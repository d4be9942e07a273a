using TrendVault.FakeYouTube;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class RegionCollectionTests(CollectionClusterFixture fixture)
{
    private FakeYouTubeServer YouTube => fixture.YouTube;

    [Fact]
    public async Task Collecting_a_region_stores_its_chart_in_rank_order()
    {
        var bucket = fixture.StartFreshBucket();

        var result = await fixture.Grains.GetGrain<IRegionGrain>("SE").CollectNowAsync();

        Assert.Equal(new CollectionResult("SE", bucket, CollectionOutcome.Collected, 200, 4, null), result);
        var ranked = await fixture.Database.RowsAsync("""
            SELECT t.rank, v.youtube_id FROM trending_entries t JOIN videos v ON v.id = t.video_id
            WHERE t.region_code = 'SE' AND t.bucket = $1 ORDER BY t.rank
            """, bucket.UtcDateTime);
        Assert.Equal(Enumerable.Range(1, 200), ranked.Select(r => (int)(short)r[0]!));
        Assert.Equal(YouTube.Catalog.ChartFor("SE"), ranked.Select(r => (string)r[1]!));
    }

    [Fact]
    public async Task Collecting_a_region_stores_one_snapshot_per_video_with_the_api_counts()
    {
        var bucket = fixture.StartFreshBucket();
        var capturedAt = fixture.Clock.GetUtcNow();

        await fixture.Grains.GetGrain<IRegionGrain>("NO").CollectNowAsync();

        var stored = await SnapshotsAsync("NO", bucket);
        Assert.Equal(200, stored.Count);
        foreach (var id in YouTube.Catalog.ChartFor("NO"))
        {
            var expected = YouTube.Catalog.StatisticsAt(id, capturedAt);
            Assert.Equal((expected.Views, expected.Likes, expected.Comments), stored[id]);
        }
    }

    [Fact]
    public async Task Collecting_a_region_records_a_succeeded_run_with_its_api_calls()
    {
        var bucket = fixture.StartFreshBucket();

        await fixture.Grains.GetGrain<IRegionGrain>("FI").CollectNowAsync();

        var run = Assert.Single(await fixture.Database.RowsAsync(
            "SELECT status, videos, api_calls, attempts, error FROM collection_runs WHERE region_code = 'FI' AND bucket = $1",
            bucket.UtcDateTime));
        Assert.Equal(new object?[] { "succeeded", 200, 4, 1, null }, run);
    }

    [Fact]
    public async Task A_second_bucket_appends_a_second_snapshot_with_the_new_counts()
    {
        var first = fixture.StartFreshBucket();
        var region = fixture.Grains.GetGrain<IRegionGrain>("DK");
        await region.CollectNowAsync();
        fixture.Clock.Advance(CollectionClusterFixture.BucketSize);
        var second = first + CollectionClusterFixture.BucketSize;

        var result = await region.CollectNowAsync();

        Assert.Equal(second, result.Bucket);
        var before = await SnapshotsAsync("DK", first);
        var after = await SnapshotsAsync("DK", second);
        foreach (var id in YouTube.Catalog.ChartFor("DK"))
        {
            var expected = YouTube.Catalog.StatisticsAt(id, fixture.Clock.GetUtcNow());
            Assert.Equal((expected.Views, expected.Likes, expected.Comments), after[id]);
            Assert.True(after[id].Views >= before[id].Views, $"{id} lost views between buckets");
        }
        Assert.Contains(after, pair => pair.Value.Views > before[pair.Key].Views);
        Assert.Equal(2, await fixture.Database.ScalarAsync<int>(
            "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = $1 AND s.bucket >= $2",
            YouTube.Catalog.ChartFor("DK")[0], first.UtcDateTime));
    }

    [Fact]
    public async Task Collecting_the_same_bucket_again_adds_nothing()
    {
        var bucket = fixture.StartFreshBucket();
        var region = fixture.Grains.GetGrain<IRegionGrain>("IE");
        await region.CollectNowAsync();
        var chartCalls = YouTube.Requests.ChartCalls("IE");
        var snapshots = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots WHERE bucket = $1", bucket.UtcDateTime);

        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        var again = await region.CollectNowAsync();

        Assert.Equal(CollectionOutcome.AlreadyCollected, again.Outcome);
        Assert.Equal(chartCalls, YouTube.Requests.ChartCalls("IE"));
        Assert.Equal(snapshots, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots WHERE bucket = $1", bucket.UtcDateTime));
        Assert.Equal(200L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM trending_entries WHERE region_code = 'IE' AND bucket = $1", bucket.UtcDateTime));
    }

    [Fact]
    public async Task A_video_on_two_charts_gets_one_snapshot_and_two_trending_entries()
    {
        var bucket = fixture.StartFreshBucket();
        var shared = YouTube.Catalog.ChartFor("AT").Intersect(YouTube.Catalog.ChartFor("CH")).ToList();
        Assert.NotEmpty(shared);

        await Task.WhenAll(
            fixture.Grains.GetGrain<IRegionGrain>("AT").CollectNowAsync(),
            fixture.Grains.GetGrain<IRegionGrain>("CH").CollectNowAsync());

        foreach (var id in shared)
        {
            Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
                "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = $1 AND s.bucket = $2",
                id, bucket.UtcDateTime));
            var regions = await fixture.Database.RowsAsync(
                "SELECT t.region_code FROM trending_entries t JOIN videos v ON v.id = t.video_id WHERE v.youtube_id = $1 AND t.bucket = $2 ORDER BY 1",
                id, bucket.UtcDateTime);
            Assert.Equal(["AT", "CH"], regions.Select(r => (string)r[0]!));
        }
    }

    [Fact]
    public async Task Hidden_likes_and_disabled_comments_are_stored_as_null_not_zero()
    {
        var bucket = fixture.StartFreshBucket();
        var chart = YouTube.Catalog.ChartFor("BE");
        var now = fixture.Clock.GetUtcNow();
        var hiddenLikes = chart.First(id => YouTube.Catalog.StatisticsAt(id, now).Likes is null);
        var noComments = chart.First(id => YouTube.Catalog.StatisticsAt(id, now).Comments is null);

        await fixture.Grains.GetGrain<IRegionGrain>("BE").CollectNowAsync();

        var stored = await SnapshotsAsync("BE", bucket);
        Assert.Null(stored[hiddenLikes].Likes);
        Assert.Null(stored[noComments].Comments);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM video_snapshots s JOIN trending_entries t ON t.video_id = s.video_id AND t.bucket = s.bucket WHERE t.region_code = 'BE' AND t.bucket = $1 AND (s.likes = 0 OR s.comments = 0)",
            bucket.UtcDateTime));
    }

    [Fact]
    public async Task Counts_above_two_to_the_31_are_stored_exactly()
    {
        var now = fixture.StartFreshBucket();
        var (region, id) = YouTube.Catalog.Regions
            .SelectMany(r => YouTube.Catalog.ChartFor(r.Code).Select(v => (r.Code, v)))
            .First(pair => YouTube.Catalog.StatisticsAt(pair.v, fixture.Clock.GetUtcNow()).Views > int.MaxValue);

        await fixture.Grains.GetGrain<IRegionGrain>(region).CollectNowAsync();

        var stored = await SnapshotsAsync(region, now);
        Assert.Equal(YouTube.Catalog.StatisticsAt(id, fixture.Clock.GetUtcNow()).Views, stored[id].Views);
    }

    private async Task<Dictionary<string, (long Views, long? Likes, long? Comments)>> SnapshotsAsync(string region, DateTimeOffset bucket)
    {
        var rows = await fixture.Database.RowsAsync("""
            SELECT v.youtube_id, s.views, s.likes, s.comments
            FROM trending_entries t
            JOIN videos v ON v.id = t.video_id
            JOIN video_snapshots s ON s.video_id = t.video_id AND s.bucket = t.bucket
            WHERE t.region_code = $1 AND t.bucket = $2
            """, region, bucket.UtcDateTime);
        return rows.ToDictionary(r => (string)r[0]!, r => ((long)r[1]!, (long?)r[2], (long?)r[3]));
    }
}
