using TrendVault.Grains.Quota;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

/// <summary>Reservations through the real quota grain, observed through its status and the silo's meters.</summary>
[Collection(CollectionClusterCollection.Name)]
public sealed class QuotaReservationTests(CollectionClusterFixture fixture)
{
    private IQuotaGrain Quota => fixture.Grains.GetGrain<IQuotaGrain>(0);

    [Fact]
    public async Task A_grant_is_reserved_until_its_usage_is_recorded_and_the_meters_show_both()
    {
        fixture.StartFreshBucket();
        // Earlier tests' unsettled grants expire on the first call of the fresh bucket, before the meters listen.
        await Quota.GetRefreshShareAsync(0);
        using var meters = new SiloMeters(fixture, "priority");
        var before = await Quota.GetStatusAsync();

        var grant = await Quota.RequestAsync(QuotaPriority.Chart, 4, chartUnitsPerHour: 0);
        var reserved = await Quota.GetStatusAsync();
        await Quota.RecordAsync(grant.Reservation, new QuotaUsage(3, Succeeded: true));
        var settled = await Quota.GetStatusAsync();

        Assert.Equal((true, 4), (grant.Granted, grant.Units));
        Assert.Equal((before.UnitsReserved + 4, before.UnitsRemaining - 4), (reserved.UnitsReserved, reserved.UnitsRemaining));
        Assert.Equal((before.UnitsReserved, before.UnitsUsed + 3), (settled.UnitsReserved, settled.UnitsUsed));
        Assert.Equal(3, meters.Sum("trendvault.quota.units_used", "chart"));
        Assert.Equal(settled.UnitsRemaining, meters.Gauge("trendvault.quota.units_remaining"));
        Assert.Equal(settled.UnitsReserved, meters.Gauge("trendvault.quota.reserved"));
    }

    [Fact]
    public async Task A_grant_whose_caller_never_reports_expires_and_counts_as_spent()
    {
        fixture.StartFreshBucket();
        // Earlier tests' unsettled grants expire on the first call of the fresh bucket, before the meters listen.
        await Quota.GetRefreshShareAsync(0);
        using var meters = new SiloMeters(fixture, "priority");
        var grant = await Quota.RequestAsync(QuotaPriority.Chart, 4, chartUnitsPerHour: 0);
        var reserved = await Quota.GetStatusAsync();

        fixture.Clock.Advance(new QuotaOptions().ReservationTimeout + TimeSpan.FromSeconds(1));
        await Quota.GetRefreshShareAsync(0);
        var expired = await Quota.GetStatusAsync();

        Assert.True(grant.Granted);
        Assert.Equal(reserved.UnitsReserved - 4, expired.UnitsReserved);
        Assert.Equal(reserved.UnitsUsed + 4, expired.UnitsUsed);
        Assert.Equal(1, meters.Sum("trendvault.quota.reservations_expired", "chart"));
    }
}
