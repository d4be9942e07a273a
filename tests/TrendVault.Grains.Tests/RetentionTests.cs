using TrendVault.Model;

namespace TrendVault.Grains.Tests;

/// <summary>Retention__Days, through the real retention grain: older buckets go, newer ones stay, collection goes on.</summary>
public sealed class RetentionTests(RetentionFixture fixture) : IClassFixture<RetentionFixture>
{
    private IRetentionGrain Retention => fixture.Grains.GetGrain<IRetentionGrain>(0);

    [Fact]
    public async Task A_pass_removes_the_snapshots_and_ranks_older_than_the_window_and_keeps_the_rest()
    {
        var old = fixture.StartFreshBucket();
        await fixture.Grains.GetGrain<IRegionGrain>("SE").CollectNowAsync();
        var kept = fixture.StartFreshBucket(TimeSpan.FromDays(RetentionFixture.Days));
        await fixture.Grains.GetGrain<IRegionGrain>("SE").CollectNowAsync();

        var result = await Retention.PruneNowAsync();

        Assert.NotNull(result);
        Assert.Equal(fixture.Clock.GetUtcNow() - TimeSpan.FromDays(RetentionFixture.Days), result.Cutoff);
        // The other test's buckets may be older than the window too: at least this bucket's were removed.
        Assert.True(result.Snapshots >= 200 && result.TrendingEntries >= 200, $"{result.Snapshots} snapshots and {result.TrendingEntries} ranks pruned");
        Assert.Equal((0L, 0L), await StoredAsync("SE", old));
        Assert.Equal((200L, 200L), await StoredAsync("SE", kept));
    }

    [Fact]
    public async Task Collection_goes_on_while_a_pass_prunes_in_small_batches()
    {
        string[] regions = ["NO", "DK", "FI"];
        var old = fixture.StartFreshBucket();
        await Task.WhenAll(regions.Select(code => fixture.Grains.GetGrain<IRegionGrain>(code).CollectNowAsync()));
        var next = fixture.StartFreshBucket(TimeSpan.FromDays(RetentionFixture.Days));

        var pruning = Retention.PruneNowAsync();
        var runs = await Task.WhenAll(regions.Select(code => fixture.Grains.GetGrain<IRegionGrain>(code).CollectNowAsync()));
        var result = await pruning;

        var before = await Task.WhenAll(regions.Select(region => StoredAsync(region, old)));
        var after = await Task.WhenAll(regions.Select(region => StoredAsync(region, next)));
        Assert.All(runs, run => Assert.Equal(CollectionOutcome.Collected, run.Outcome));
        // The charts share popular videos: each video has one snapshot per bucket.
        var videos = regions.SelectMany(fixture.YouTube.Catalog.ChartFor).Distinct().Count();
        Assert.True(result!.Snapshots >= videos && result.TrendingEntries >= 600, $"{result.Snapshots} snapshots and {result.TrendingEntries} ranks pruned");
        Assert.All(before, stored => Assert.Equal((0L, 0L), stored));
        Assert.All(after, stored => Assert.Equal((200L, 200L), stored));
    }

    // The bucket's snapshots of the region's chart videos (the fake charts stay the same), and its ranks.
    private async Task<(long Snapshots, long Ranks)> StoredAsync(string region, DateTimeOffset bucket) =>
        (await fixture.Database.ScalarAsync<long>(
             "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE s.bucket = $1 AND v.youtube_id = ANY($2)",
             bucket.UtcDateTime, fixture.YouTube.Catalog.ChartFor(region).ToArray()),
         await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM trending_entries WHERE region_code = $1 AND bucket = $2", region, bucket.UtcDateTime));
}
