using TrendVault.FakeYouTube.Faults;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class QuotaTests(CollectionClusterFixture fixture) : IDisposable
{
    private IQuotaGrain Quota => fixture.Grains.GetGrain<IQuotaGrain>(0);

    [Fact]
    public async Task Quota_exceeded_stops_every_call_until_midnight_pacific_time()
    {
        fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set(FakeFaults.AllRegions, FakeFaultKind.QuotaExceeded, count: 1);
        await fixture.Grains.GetGrain<IRegionGrain>("RO").CollectNowAsync();

        var skipped = await fixture.Grains.GetGrain<IRegionGrain>("BG").CollectNowAsync();
        var status = await Quota.GetStatusAsync();

        Assert.Equal(CollectionOutcome.Skipped, skipped.Outcome);
        Assert.Equal(0L, fixture.YouTube.Requests.ChartCalls("BG"));
        Assert.Equal(NextPacificMidnight(fixture.Clock.GetUtcNow()), status.ExhaustedUntil);
        Assert.Equal("skipped", await fixture.Database.ScalarAsync<string>(
            "SELECT status FROM collection_runs WHERE region_code = 'BG' AND bucket = $1", skipped.Bucket.UtcDateTime));

        fixture.Clock.SetUtcNow(status.ExhaustedUntil!.Value.AddMinutes(1));
        var afterReset = await fixture.Grains.GetGrain<IRegionGrain>("BG").CollectNowAsync();

        Assert.Equal(CollectionOutcome.Collected, afterReset.Outcome);
    }

    [Fact]
    public async Task An_invalid_key_lets_only_one_probe_through_per_tick()
    {
        fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set(FakeFaults.AllRegions, FakeFaultKind.KeyInvalid);
        var unitsBefore = fixture.YouTube.Requests.Units;

        var first = await fixture.Grains.GetGrain<IRegionGrain>("EE").CollectNowAsync();
        var second = await fixture.Grains.GetGrain<IRegionGrain>("LT").CollectNowAsync();
        var status = await Quota.GetStatusAsync();

        Assert.Equal(CollectionOutcome.Failed, first.Outcome);
        Assert.Equal(CollectionOutcome.Skipped, second.Outcome);
        Assert.Contains("configuration error", second.Error);
        Assert.Equal(1L, fixture.YouTube.Requests.Units - unitsBefore);
        Assert.Contains("keyInvalid", status.ConfigurationError);

        fixture.YouTube.Faults.ClearAll();
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var probe = await fixture.Grains.GetGrain<IRegionGrain>("LT").CollectNowAsync();

        Assert.Equal(CollectionOutcome.Collected, probe.Outcome);
        Assert.Null((await Quota.GetStatusAsync()).ConfigurationError);
    }

    [Fact]
    public async Task Refresh_work_that_would_eat_into_the_charts_budget_is_refused_and_counted()
    {
        fixture.StartFreshBucket();
        var before = await Quota.GetStatusAsync();

        var refused = await Quota.RequestAsync(QuotaPriority.Refresh, 10, chartUnitsPerHour: before.UnitsRemaining);
        var chart = await Quota.RequestAsync(QuotaPriority.Chart, 4, chartUnitsPerHour: 0);

        Assert.False(refused.Granted);
        Assert.True(chart.Granted);
        Assert.Equal(before.RefreshUnitsSkipped + 10, (await Quota.GetStatusAsync()).RefreshUnitsSkipped);
    }

    [Fact]
    public async Task Refreshes_keep_the_charts_budget_for_every_hour_left_in_the_pacific_day()
    {
        fixture.StartFreshBucket();
        var status = await Quota.GetStatusAsync();
        var hoursLeft = (int)Math.Ceiling((status.ResetsAt - fixture.Clock.GetUtcNow()).TotalHours);
        // Per hour, just more than an even share of what remains: one hour's worth would fit, the day's does not.
        var perHour = status.UnitsRemaining / hoursLeft + 1;

        var decision = await Quota.RequestAsync(QuotaPriority.Refresh, 1, chartUnitsPerHour: perHour);

        Assert.True(hoursLeft > 1);
        Assert.False(decision.Granted);
    }

    [Fact]
    public async Task Units_spent_survive_a_restart_of_the_quota_grain()
    {
        fixture.StartFreshBucket();
        var before = (await Quota.GetStatusAsync()).UnitsUsed;
        await Quota.RecordAsync(Guid.Empty, new QuotaUsage(7, Succeeded: true));

        await fixture.Cluster.DeactivateAsync(Quota);

        Assert.Equal(before + 7, (await Quota.GetStatusAsync()).UnitsUsed);
    }

    [Fact]
    public async Task Recorded_units_are_persisted_within_seconds_while_the_grain_stays_active()
    {
        fixture.StartFreshBucket();
        // Opens the quota day if the clock moved into a new one (written at once); its counts flush a second later.
        await Quota.RecordAsync(Guid.Empty, new QuotaUsage(1, Succeeded: true));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var before = await StoredVersionAsync();

        await Quota.RecordAsync(Guid.Empty, new QuotaUsage(3, Succeeded: true));

        Assert.True(await WaitForStoredVersionAfterAsync(before), "the flush timer never wrote the counts");
    }

    [Fact]
    public async Task A_new_quota_day_that_cannot_be_saved_still_grants_and_is_saved_once_writes_work_again()
    {
        // Refused before the clock moves, so whichever call opens the new day (a tracker's tick may) cannot write.
        await RefuseQuotaWritesAsync(true);
        var before = await StoredVersionAsync();
        QuotaDecision grant;
        try
        {
            fixture.StartFreshBucket();
            // The first call of a new Pacific day writes the state at once; the database refuses it.
            grant = await Quota.RequestAsync(QuotaPriority.Chart, 2, chartUnitsPerHour: 0);
            await Quota.RecordAsync(grant.Reservation, new QuotaUsage(2, Succeeded: true));
            Assert.Equal(before, await StoredVersionAsync());
        }
        finally
        {
            await RefuseQuotaWritesAsync(false);
        }

        Assert.True(grant.Granted);
        Assert.True(await WaitForStoredVersionAfterAsync(before), "the counts held in memory were never written once writes worked again");
    }

    // Stands in for a database that is away for the quota grain's writes only: a trigger refuses them.
    private Task RefuseQuotaWritesAsync(bool refuse) => fixture.Database.ExecuteAsync(refuse
        ? """
          CREATE OR REPLACE FUNCTION refuse_quota_write() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN RAISE EXCEPTION 'quota writes refused by the test'; END $$;
          CREATE TRIGGER refuse_quota_write BEFORE INSERT OR UPDATE ON orleansstorage
          FOR EACH ROW WHEN (NEW.graintypestring ILIKE '%quota%') EXECUTE FUNCTION refuse_quota_write();
          """
        : "DROP TRIGGER refuse_quota_write ON orleansstorage");

    private Task<int> StoredVersionAsync() =>
        fixture.Database.ScalarAsync<int>("SELECT coalesce(max(version), 0) FROM orleansstorage WHERE graintypestring ILIKE '%quota%'");

    // Polls the stored state's version (its ETag) rather than sleeping a fixed time.
    private async Task<bool> WaitForStoredVersionAfterAsync(int version)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (await StoredVersionAsync() <= version)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(100);
        }
        return true;
    }

    [Fact]
    public async Task The_budget_resets_at_midnight_pacific_time()
    {
        fixture.StartFreshBucket();
        await Quota.RecordAsync(Guid.Empty, new QuotaUsage(11, Succeeded: true));
        var reset = NextPacificMidnight(fixture.Clock.GetUtcNow());

        fixture.Clock.SetUtcNow(reset.AddSeconds(-1));
        var lastSecond = await Quota.GetStatusAsync();
        fixture.Clock.SetUtcNow(reset);
        var nextDay = await Quota.GetStatusAsync();

        Assert.True(lastSecond.UnitsUsed >= 11);
        Assert.Equal(0, nextDay.UnitsUsed);
        Assert.Equal(lastSecond.Day.AddDays(1), nextDay.Day);
    }

    private static DateTimeOffset NextPacificMidnight(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public void Dispose() => fixture.YouTube.Faults.ClearAll();
}
