using TrendVault.Model;

namespace TrendVault.Grains.Tests;

/// <summary>
/// Drives a silo through whole Pacific quota days on the fake clock: in every hour bucket each region
/// collects (as its reminder tick would, 7 minutes in), then every tracker shard refreshes (30 minutes in).
/// Calling the grains directly instead of waiting for reminders makes a simulated week take seconds per day.
/// </summary>
public static class BudgetSimulation
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <param name="log">Gets one line per simulated day, so a failure late in the week still shows the days before it.</param>
    public static async Task<SimulationReport> RunAsync(SimulationFixture fixture, IReadOnlyList<string> regions, DateOnly firstDay, int days, Action<string> log)
    {
        var report = new SimulationReport();
        var quota = fixture.Grains.GetGrain<IQuotaGrain>(0);
        var trackers = Enumerable.Range(0, SimulationFixture.TrackerShards).Select(shard => fixture.Grains.GetGrain<ITrackerGrain>(shard)).ToList();
        for (var day = firstDay; day < firstDay.AddDays(days); day = day.AddDays(1))
        {
            var unitsBefore = fixture.YouTube.Requests.Units;
            var hours = 0;
            for (var bucket = PacificMidnight(day); bucket < PacificMidnight(day.AddDays(1)); bucket = bucket.AddHours(1), hours++)
            {
                fixture.Clock.SetUtcNow(bucket.AddMinutes(7));
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var runs = await Task.WhenAll(regions.Select(code => fixture.Grains.GetGrain<IRegionGrain>(code).CollectNowAsync()));
                report.SlowestCollection = TimeSpan.FromTicks(Math.Max(report.SlowestCollection.Ticks, watch.Elapsed.Ticks));
                report.ChartBuckets += runs.Length;
                report.ChartBucketsCollected += runs.Count(run => run.Outcome == CollectionOutcome.Collected);
                report.ChartBucketsMissed.AddRange(runs.Where(run => run.Outcome != CollectionOutcome.Collected)
                    .Select(run => $"{run.Region} {run.Bucket:u} {run.Outcome}: {run.Error}"));

                fixture.Clock.SetUtcNow(bucket.AddMinutes(30));
                var refreshes = await Task.WhenAll(trackers.Select(tracker => tracker.RefreshNowAsync()));
                Assert.DoesNotContain(refreshes, refresh => refresh.Status == "failed");
                report.RefreshesSkipped += refreshes.Count(refresh => refresh.Status == "skipped");
                report.MaxLevel = Math.Max(report.MaxLevel, refreshes.Max(refresh => refresh.Level));
                report.AddRefresh(TimeZoneInfo.ConvertTime(bucket, Pacific).Hour, refreshes.Sum(r => r.Videos), refreshes.Sum(r => r.Tracked));

                var status = await quota.GetStatusAsync();
                Assert.Null(status.ExhaustedUntil);
                Assert.Null(status.ConfigurationError);
            }
            report.Days.Add((day, fixture.YouTube.Requests.Units - unitsBefore, hours));
            var quotaDay = await quota.GetStatusAsync();
            log($"{day:yyyy-MM-dd}: {report.Days[^1].Units:N0} units at the fake API in {hours} h, {quotaDay.RefreshUnitsSkipped:N0} refresh units skipped, " +
                $"{report.ChartBucketsCollected}/{report.ChartBuckets} chart buckets so far, pacing level up to {report.MaxLevel}, " +
                $"slowest hour's collection {report.SlowestCollection.TotalSeconds:F1} s");
        }
        return report;
    }

    public static DateTimeOffset PacificMidnight(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Pacific.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
