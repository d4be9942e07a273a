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

        var report = await BudgetSimulation.RunAsync(fixture, regions, FirstDay, days: 7, output.WriteLine);

        output.WriteLine(report.Format("11 regions × 4 pages, 7 days"));
        Assert.Equal(report.Days.Sum(day => day.Hours) * regions.Length, report.ChartBuckets);
        Assert.Equal(7 * 24 - 1, report.Days.Sum(day => day.Hours));
        Assert.Equal(report.ChartBuckets, report.ChartBucketsCollected);
        Assert.All(report.Days, day => Assert.InRange(day.Units, 1, 10_000));
        Assert.Equal(0, report.RefreshesSkipped);
        Assert.True(report.Tracked > 1_000, $"only {report.Tracked} tracked-video refreshes were due: turnover did not reach the trackers");
        Assert.All(report.CoverageByHour, hour => Assert.Equal(1.0, hour.Value));
    }
}

/// <summary>
/// Every region at 3 pages: 109 × 3 × 24 = 7,848 chart units a day, leaving about 2,150 for refreshes.
/// A simulated day of 109 regions takes about two minutes here, so CI runs one day (the first, when the
/// tracked set fills up) and TRENDVAULT_SIMULATION_DAYS=7 runs the week reported in docs/benchmarks.md.
/// </summary>
public sealed class AllRegionsSimulationTests(AllRegionsSimulationFixture fixture, ITestOutputHelper output)
    : IClassFixture<AllRegionsSimulationFixture>
{
    private static readonly DateOnly FirstDay = new(2026, 3, 3);

    [Fact]
    public async Task Every_region_at_three_pages_collects_every_chart_bucket_within_the_quota_and_paces_refreshes_over_the_day()
    {
        var days = int.TryParse(Environment.GetEnvironmentVariable("TRENDVAULT_SIMULATION_DAYS"), out var configured) ? configured : 1;
        var regions = fixture.YouTube.Catalog.Regions.Select(region => region.Code).ToList();

        var report = await BudgetSimulation.RunAsync(fixture, regions, FirstDay, days, output.WriteLine);

        output.WriteLine(report.Format($"{regions.Count} regions × 3 pages, {days} day(s)"));
        Assert.Equal(109, regions.Count);
        Assert.Equal(report.Days.Sum(day => day.Hours) * regions.Count, report.ChartBuckets);
        Assert.Equal(report.ChartBuckets, report.ChartBucketsCollected);
        Assert.All(report.Days, day => Assert.InRange(day.Units, 1, 10_000));
        Assert.True(report.Tracked > 1_000, $"only {report.Tracked} tracked-video refreshes were due: turnover did not reach the trackers");
        // Paced, no hour of the Pacific day is starved: each gets at least half the best hour's coverage.
        var best = report.CoverageByHour.Values.Max();
        Assert.All(report.CoverageByHour, hour => Assert.True(hour.Value >= best / 2, $"hour {hour.Key:D2} covered {hour.Value:P0}, the best {best:P0}"));
    }
}
