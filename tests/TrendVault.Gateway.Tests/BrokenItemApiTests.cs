using System.Net.Http.Json;
using TrendVault.FakeYouTube.Faults;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Tests;

/// <summary>What a chart's broken items cost is visible on the region, in the status and on the chart itself.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BrokenItemApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Repaired_and_skipped_items_show_on_the_region_the_status_and_the_chart()
    {
        // Videos no other chart stored in this bucket: one already stored would show that chart's counts.
        var elsewhere = (await fixture.Database.RowsAsync(
            "SELECT v.youtube_id FROM videos v JOIN video_snapshots s ON s.video_id = v.id WHERE s.bucket = $1", GatewayFixture.SecondBucket.UtcDateTime))
            .Select(row => (string)row[0]!).ToHashSet();
        var own = fixture.YouTube.Catalog.ChartFor("LU").Select((id, i) => (Id: id, Rank: i + 1)).Where(v => !elsewhere.Contains(v.Id)).Select(v => v.Rank).Take(3).ToList();
        var (noStatisticsRank, overflowRank, noSnippetRank) = (own[0], own[1], own[2]);
        fixture.YouTube.BrokenItems.Set("LU", noStatisticsRank, FakeBrokenItemKind.NoStatistics);
        fixture.YouTube.BrokenItems.Set("LU", overflowRank, FakeBrokenItemKind.CountOverflow);
        fixture.YouTube.BrokenItems.Set("LU", noSnippetRank, FakeBrokenItemKind.NoSnippet);
        using var admin = fixture.CreateClient(GatewayFixture.AdminToken);
        try
        {
            (await admin.PostAsync("/api/regions/LU/collect", null)).EnsureSuccessStatusCode();
        }
        finally
        {
            fixture.YouTube.BrokenItems.Clear("LU");
        }
        using var http = fixture.CreateClient();

        var region = await http.GetFromJsonAsync<RegionDetail>("/api/regions/LU");
        var status = await http.GetFromJsonAsync<ClusterStatus>("/api/status");
        var board = await http.GetFromJsonAsync<TrendingBoard>("/api/regions/LU/trending");

        Assert.Equal(new RunStatus(GatewayFixture.SecondBucket, "collected", null, 199, Repaired: 2, Skipped: 1), region!.Status);
        var run = Assert.Single(status!.LastRuns!, r => r.Region == "LU");
        Assert.Equal(("succeeded", 2, 1), (run.Status, run.Repaired, run.Skipped));
        Assert.Equal(new Dictionary<string, int> { ["missingStatistics"] = 1, ["unstorableCount"] = 1, ["missingSnippet"] = 1 }, run.BrokenReasons);
        Assert.True(status.BrokenItems is { Repaired: >= 2, Skipped: >= 1 }, $"{status.BrokenItems}");
        Assert.True(status.BrokenItems.Reasons["missingSnippet"] >= 1);
        Assert.Equal(Enumerable.Range(1, 200).Where(rank => rank != noSnippetRank), board!.Items.Select(i => i.Rank));
        var noStatistics = board.Items.Single(i => i.Rank == noStatisticsRank);
        Assert.Equal((null, null, null), (noStatistics.Views, noStatistics.Likes, noStatistics.Comments));
        var overflow = board.Items.Single(i => i.Rank == overflowRank);
        Assert.Equal((true, null, null), (overflow.Views is not null, overflow.Likes, overflow.Comments));
    }
}
