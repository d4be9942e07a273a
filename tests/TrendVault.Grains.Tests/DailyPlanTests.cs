using TrendVault.Model;
using Xunit.Abstractions;

namespace TrendVault.Grains.Tests;

/// <summary>One simulated day of the default configuration, counted by the fake API's request counter.</summary>
public sealed class DailyPlanTests(DailyPlanFixture fixture, ITestOutputHelper output) : IClassFixture<DailyPlanFixture>
{
    private static readonly string[] DefaultRegions = CollectionOptions.DefaultRegions.Split(',');

    [Fact]
    public async Task A_day_of_the_default_eleven_regions_with_tracking_fits_the_daily_quota()
    {
        var day = fixture.StartFreshBucket();
        fixture.YouTube.Requests.Reset();
        var trackers = Enumerable.Range(0, DailyPlanFixture.TrackerShards).Select(shard => fixture.Grains.GetGrain<ITrackerGrain>(shard)).ToList();

        for (var hour = 0; hour < 24; hour++)
        {
            fixture.Clock.SetUtcNow(day.AddHours(hour).AddMinutes(7));
            var runs = await Task.WhenAll(DefaultRegions.Select(code => fixture.Grains.GetGrain<IRegionGrain>(code).CollectNowAsync()));
            Assert.All(runs, run => Assert.Equal(CollectionOutcome.Collected, run.Outcome));
            fixture.Clock.SetUtcNow(day.AddHours(hour).AddMinutes(30));
            var refreshes = await Task.WhenAll(trackers.Select(tracker => tracker.RefreshNowAsync()));
            Assert.All(refreshes, refresh => Assert.Equal("succeeded", refresh.Status));
        }

        var charts = fixture.YouTube.Requests.ChartCallsByRegion.Values.Sum();
        var lookups = fixture.YouTube.Requests.IdLookups;
        var units = fixture.YouTube.Requests.Units;
        output.WriteLine($"One day, {DefaultRegions.Length} regions × 4 pages, turnover {DailyPlanFixture.TurnoverPerHour}/h: " +
            $"{charts} chart calls + {lookups} id lookups = {units} units of {(await fixture.Grains.GetGrain<IQuotaGrain>(0).GetStatusAsync()).DailyUnits}.");
        Assert.Equal(DefaultRegions.Length * 4 * 24, charts);
        Assert.Equal(charts + lookups, units);
        Assert.True(units <= 10_000, $"{units} units exceed the daily quota");
    }
}
