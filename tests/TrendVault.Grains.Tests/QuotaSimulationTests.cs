using Xunit.Abstractions;

namespace TrendVault.Grains.Tests;

/// <summary>
/// A week of the default eleven regions at real turnover, through real grains, PostgreSQL and the fake
/// API over HTTP. The week from 3 March 2026 contains the spring daylight-saving change (a 23-hour day).
/// </summary>
public sealed class DefaultRegionsSimulationTests(DefaultRegionsSimulationFixture fixture, ITestOutputHelper output)
    : IClassFixture<DefaultRegionsSimulationFixture>
{
    private static readonly DateOnly FirstDay = new(2026, 3, 3);

    [Fact]
    public async Task Seven_days_of_eleven_regions_collect_every_chart_bucket_within_the_quota_and_refresh_every_tracked_video_hourly()
    {
        var regions = CollectionOptions.DefaultRegions.Split(',');

        var report = await BudgetSimulation.RunAsync(fixture, regions, FirstDay, days: 7);

        output.WriteLine(report.Format("11 regions × 4 pages, 7 days"));
        Assert.Equal(7 * 24 * regions.Length - regions.Length, report.ChartBuckets);
        Assert.Equal(report.ChartBuckets, report.ChartBucketsCollected);
        Assert.All(report.Days, day => Assert.InRange(day.Units, 1, 10_000));
        Assert.Equal(0, report.RefreshesSkipped);
        Assert.True(report.Tracked > 1_000, $"only {report.Tracked} tracked-video refreshes were due: turnover did not reach the trackers");
        Assert.All(report.CoverageByHour, hour => Assert.Equal(1.0, hour.Value));
    }
}
