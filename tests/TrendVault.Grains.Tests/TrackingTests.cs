using TrendVault.Model;

namespace TrendVault.Grains.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class TrackingTests(CollectionClusterFixture fixture) : IDisposable
{
    private const string Region = "LV";

    [Fact]
    public async Task Videos_that_left_the_chart_are_refreshed_by_the_trackers_fifty_ids_per_call()
    {
        var (dropped, second) = await CollectThenShortenChartAsync();
        var lookupsBefore = fixture.YouTube.Requests.IdLookups;

        var results = await RefreshAllShardsAsync();

        Assert.Equal(100, results.Sum(r => r.Videos));
        Assert.Equal(results.Sum(r => (r.Videos + 49) / 50), (int)(fixture.YouTube.Requests.IdLookups - lookupsBefore));
        var now = fixture.Clock.GetUtcNow();
        foreach (var id in dropped)
        {
            var expected = fixture.YouTube.Catalog.StatisticsAt(id, now);
            var row = Assert.Single(await fixture.Database.RowsAsync(
                "SELECT s.views, s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = $1 AND s.bucket = $2",
                id, second.UtcDateTime));
            Assert.Equal(new object?[] { expected.Views, expected.Likes, expected.Comments }, row);
        }
    }

    [Fact]
    public async Task A_refresh_does_not_move_the_last_chart_sighting()
    {
        var (dropped, _) = await CollectThenShortenChartAsync();
        var before = await fixture.Database.ScalarAsync<DateTime>("SELECT g.last_seen_at FROM videos v JOIN video_sightings g ON g.video_id = v.id WHERE v.youtube_id = $1", dropped[0]);

        await RefreshAllShardsAsync();

        Assert.Equal(before, await fixture.Database.ScalarAsync<DateTime>("SELECT g.last_seen_at FROM videos v JOIN video_sightings g ON g.video_id = v.id WHERE v.youtube_id = $1", dropped[0]));
    }

    [Fact]
    public async Task A_video_the_api_no_longer_returns_is_marked_gone_and_not_requested_again()
    {
        var (dropped, _) = await CollectThenShortenChartAsync();
        // A video no other region charts, so removing it cannot disturb the other tests' charts.
        var deleted = dropped.First(id => fixture.YouTube.Catalog.Regions.Count(r => fixture.YouTube.Catalog.ChartFor(r.Code).Contains(id)) == 1);
        fixture.YouTube.Catalog.Remove(deleted);

        var first = await RefreshAllShardsAsync();
        fixture.Clock.Advance(CollectionClusterFixture.BucketSize);
        await fixture.Grains.GetGrain<IRegionGrain>(Region).CollectNowAsync();
        var next = await RefreshAllShardsAsync();

        Assert.Equal((99, 1), (first.Sum(r => r.Videos), first.Sum(r => r.Gone)));
        Assert.Equal((99, 0), (next.Sum(r => r.Videos), next.Sum(r => r.Gone)));
        Assert.Single(await fixture.Database.RowsAsync("SELECT 1 FROM videos WHERE youtube_id = $1 AND gone_at IS NOT NULL", deleted));
    }

    [Fact]
    public async Task Videos_past_the_tracking_window_are_not_refreshed()
    {
        await CollectThenShortenChartAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(8));

        var results = await RefreshAllShardsAsync();

        Assert.Equal(0, results.Sum(r => r.Videos));
    }

    [Fact]
    public async Task A_bucket_is_refreshed_only_once()
    {
        await CollectThenShortenChartAsync();
        await RefreshAllShardsAsync();
        var lookups = fixture.YouTube.Requests.IdLookups;

        var again = await RefreshAllShardsAsync();

        Assert.All(again, r => Assert.Equal("alreadyDone", r.Status));
        Assert.Equal(lookups, fixture.YouTube.Requests.IdLookups);
    }

    /// <summary>
    /// Collects the full chart, then (a bucket later) a chart cut to its first 100 entries. The fresh
    /// bucket lies more than a tracking window after earlier tests, so only this chart's videos are tracked.
    /// </summary>
    private async Task<(IReadOnlyList<string> Dropped, DateTimeOffset Second)> CollectThenShortenChartAsync()
    {
        var first = fixture.StartFreshBucket(TimeSpan.FromDays(9));
        var region = fixture.Grains.GetGrain<IRegionGrain>(Region);
        fixture.YouTube.Catalog.LimitChart(Region, null);
        Assert.Equal(CollectionOutcome.Collected, (await region.CollectNowAsync()).Outcome);
        fixture.YouTube.Catalog.LimitChart(Region, 100);
        fixture.Clock.Advance(CollectionClusterFixture.BucketSize);
        Assert.Equal(100, (await region.CollectNowAsync()).Videos);
        return (fixture.YouTube.Catalog.ChartFor(Region).Skip(100).ToList(), first + CollectionClusterFixture.BucketSize);
    }

    private Task<RefreshResult[]> RefreshAllShardsAsync() =>
        Task.WhenAll(Enumerable.Range(0, CollectionClusterFixture.Shards).Select(shard => fixture.Grains.GetGrain<ITrackerGrain>(shard).RefreshNowAsync()));

    public void Dispose() => fixture.YouTube.Catalog.LimitChart(Region, null);
}
