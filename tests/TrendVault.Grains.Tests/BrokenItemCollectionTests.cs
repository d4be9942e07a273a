using TrendVault.FakeYouTube.Faults;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

/// <summary>One broken video never costs the rest of its chart: the run succeeds, every other video is stored and ranked.</summary>
[Collection(CollectionClusterCollection.Name)]
public sealed class BrokenItemCollectionTests(CollectionClusterFixture fixture) : IDisposable
{
    [Fact]
    public async Task A_chart_with_broken_items_is_collected_with_every_other_video_stored_at_its_api_position()
    {
        var bucket = fixture.StartFreshBucket();
        var broken = new Dictionary<int, FakeBrokenItemKind>
        {
            [3] = FakeBrokenItemKind.LoneSurrogate,
            [20] = FakeBrokenItemKind.CountOverflow,
            [40] = FakeBrokenItemKind.NoStatistics,
            [77] = FakeBrokenItemKind.ViewCountOverflow,
            [120] = FakeBrokenItemKind.NoSnippet,
            [199] = FakeBrokenItemKind.InvalidId,
        };
        foreach (var (position, kind) in broken)
        {
            fixture.YouTube.BrokenItems.Set("MT", position, kind);
        }
        var chart = fixture.YouTube.Catalog.ChartAt("MT", fixture.Clock.GetUtcNow());

        var result = await fixture.Grains.GetGrain<IRegionGrain>("MT").CollectNowAsync();

        Assert.Equal(new CollectionResult("MT", bucket, CollectionOutcome.Collected, 198, 4, null, Repaired: 4, Skipped: 2), result);
        Assert.Equal(result, (await fixture.Grains.GetGrain<IRegionGrain>("MT").GetStatusAsync()).LastRun);
        var ranks = await fixture.Database.RowsAsync("""
            SELECT t.rank, v.youtube_id FROM trending_entries t JOIN videos v ON v.id = t.video_id
            WHERE t.region_code = 'MT' AND t.bucket = $1 ORDER BY t.rank
            """, bucket.UtcDateTime);
        var kept = Enumerable.Range(1, 200).Where(rank => rank is not 120 and not 199).ToList();
        Assert.Equal(kept.Select(rank => new object?[] { (short)rank, chart[rank - 1] }), ranks);

        var run = Assert.Single(await fixture.Database.RowsAsync(
            "SELECT status, videos, repaired, skipped, broken_reasons::text FROM collection_runs WHERE region_code = 'MT' AND bucket = $1", bucket.UtcDateTime));
        Assert.Equal(new object?[] { "succeeded", 198, 4, 2,
            """{"invalidId": 1, "invalidText": 1, "missingSnippet": 1, "unstorableCount": 2, "missingStatistics": 1}""" }, run);
    }

    [Fact]
    public async Task Repaired_videos_are_stored_with_repaired_text_and_null_counts()
    {
        var bucket = fixture.StartFreshBucket();
        fixture.YouTube.BrokenItems.Set("IS", 3, FakeBrokenItemKind.LoneSurrogate);
        fixture.YouTube.BrokenItems.Set("IS", 20, FakeBrokenItemKind.CountOverflow);
        fixture.YouTube.BrokenItems.Set("IS", 40, FakeBrokenItemKind.NoStatistics);
        var chart = fixture.YouTube.Catalog.ChartAt("IS", fixture.Clock.GetUtcNow());

        await fixture.Grains.GetGrain<IRegionGrain>("IS").CollectNowAsync();

        var original = fixture.YouTube.Catalog.Video(chart[2])!;
        var text = Assert.Single(await fixture.Database.RowsAsync("SELECT title, description FROM videos WHERE youtube_id = $1", chart[2]));
        Assert.Equal(new object?[] { original.Title + " \uFFFD", "\uFFFD" + original.Description }, text);
        var counts = Assert.Single(await fixture.Database.RowsAsync(
            "SELECT s.views IS NOT NULL, s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = $1 AND s.bucket = $2",
            chart[19], bucket.UtcDateTime));
        Assert.Equal(new object?[] { true, null, null }, counts);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = $1 AND s.bucket = $2", chart[39], bucket.UtcDateTime));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM trending_entries t JOIN videos v ON v.id = t.video_id WHERE v.youtube_id = $1 AND t.bucket = $2 AND t.rank = 40", chart[39], bucket.UtcDateTime));
    }

    public void Dispose() => fixture.YouTube.BrokenItems.ClearAll();
}
