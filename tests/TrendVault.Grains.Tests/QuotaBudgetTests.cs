using TrendVault.Grains.Quota;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

/// <summary>The budget policy on its own: no silo, no database, a clock the test sets.</summary>
public sealed class QuotaBudgetTests
{
    // 08:00 UTC is midnight Pacific (PST): the quota day starts exactly here.
    private static readonly DateTimeOffset Midnight = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly QuotaState _state = new();

    private static QuotaBudget Budget(int dailyUnits, TimeSpan? reservationTimeout = null) => new(
        new QuotaOptions { DailyUnits = dailyUnits, ReservationTimeout = reservationTimeout ?? TimeSpan.FromMinutes(15) },
        probeInterval: TimeSpan.FromMinutes(10));

    private QuotaDecision Request(QuotaBudget budget, QuotaPriority priority, int units, DateTimeOffset now, int chartUnitsPerHour = 0)
    {
        budget.RollOver(_state, now);
        budget.Expire(_state, now);
        return budget.Request(_state, priority, units, chartUnitsPerHour, now).Decision;
    }

    [Fact]
    public void A_grant_holds_its_units_so_concurrent_callers_cannot_overshoot_together()
    {
        var budget = Budget(10);

        var first = Request(budget, QuotaPriority.Chart, 4, Midnight);
        var second = Request(budget, QuotaPriority.Chart, 4, Midnight);
        var third = Request(budget, QuotaPriority.Chart, 4, Midnight);

        Assert.True(first.Granted && second.Granted);
        Assert.False(third.Granted);
        Assert.Equal((0, 8, 2), (_state.UnitsUsed, _state.UnitsReserved, budget.Remaining(_state)));
    }

    [Fact]
    public void Recording_settles_the_reservation_with_the_units_really_spent()
    {
        var budget = Budget(10);
        var grant = Request(budget, QuotaPriority.Chart, 4, Midnight);

        budget.Record(_state, grant.Reservation, new QuotaUsage(3, Succeeded: true), Midnight);

        Assert.Equal((3, 0, 7), (_state.UnitsUsed, _state.UnitsReserved, budget.Remaining(_state)));
        Assert.True(Request(budget, QuotaPriority.Chart, 7, Midnight).Granted);
    }

    [Fact]
    public void A_reservation_never_settled_expires_after_the_timeout_and_counts_as_spent()
    {
        var budget = Budget(100, TimeSpan.FromMinutes(15));
        Request(budget, QuotaPriority.Chart, 5, Midnight);

        var early = budget.Expire(_state, Midnight.AddMinutes(14));
        var late = budget.Expire(_state, Midnight.AddMinutes(15));

        Assert.Empty(early);
        Assert.Equal(5, Assert.Single(late).Units);
        Assert.Equal((5, 0), (_state.UnitsUsed, _state.UnitsReserved));
    }

    [Fact]
    public void Usage_recorded_after_its_reservation_expired_is_still_counted()
    {
        var budget = Budget(100, TimeSpan.FromMinutes(15));
        var grant = Request(budget, QuotaPriority.Chart, 4, Midnight);
        budget.Expire(_state, Midnight.AddMinutes(20));

        var (_, settled) = budget.Record(_state, grant.Reservation, new QuotaUsage(4, Succeeded: true), Midnight.AddMinutes(20));

        Assert.Null(settled);
        // Presumed spent at expiry and counted again when reported: over-counting never overshoots the quota.
        Assert.Equal(8, _state.UnitsUsed);
    }

    [Fact]
    public void When_refresh_demand_exceeds_the_budget_every_hour_of_the_pacific_day_gets_the_same_share()
    {
        const int charts = 44;
        var budget = Budget(2_000);
        var grantedPerHour = new List<int>();

        for (var hour = 0; hour < 24; hour++)
        {
            var now = Midnight.AddHours(hour);
            var chart = Request(budget, QuotaPriority.Chart, charts, now);
            budget.Record(_state, chart.Reservation, new QuotaUsage(charts, Succeeded: true), now);
            var refresh = Request(budget, QuotaPriority.Refresh, 500, now.AddMinutes(20), charts);
            budget.Record(_state, refresh.Reservation, new QuotaUsage(refresh.Units, Succeeded: true), now.AddMinutes(21));
            grantedPerHour.Add(refresh.Units);
        }

        // (2,000 − 24 × 44) / 24 = 39.3 an hour: the rounding left over goes to the last hour.
        Assert.All(grantedPerHour.Take(23), units => Assert.InRange(units, 39, 40));
        Assert.InRange(grantedPerHour[23], 39, 47);
        Assert.Equal(24 * charts, _state.UnitsUsed - grantedPerHour.Sum());
        Assert.True(_state.UnitsUsed <= 2_000);
    }

    [Fact]
    public void An_hour_that_leaves_its_share_unused_passes_it_to_the_later_hours()
    {
        var budget = Budget(2_400);
        Request(budget, QuotaPriority.Chart, 0, Midnight);
        var firstShare = budget.RefreshShare(_state, 0, Midnight);

        Request(budget, QuotaPriority.Chart, 0, Midnight.AddHours(12));
        var laterShare = budget.RefreshShare(_state, 0, Midnight.AddHours(12));

        Assert.Equal(100, firstShare);
        Assert.Equal(200, laterShare);
    }

    [Fact]
    public void A_refresh_larger_than_the_hours_share_gets_the_share_and_the_rest_is_counted_as_skipped()
    {
        var budget = Budget(2_400);

        var first = Request(budget, QuotaPriority.Refresh, 150, Midnight.AddMinutes(20));
        var second = Request(budget, QuotaPriority.Refresh, 10, Midnight.AddMinutes(30));

        Assert.Equal((true, 100), (first.Granted, first.Units));
        Assert.False(second.Granted);
        Assert.Equal(60, _state.RefreshUnitsSkipped);
    }

    [Fact]
    public void Refreshes_never_take_what_the_charts_need_for_the_hours_left()
    {
        var budget = Budget(1_000);
        _state.Day = budget.Today(Midnight);
        _state.UnitsUsed = 950;

        var refused = Request(budget, QuotaPriority.Refresh, 1, Midnight.AddHours(23), chartUnitsPerHour: 50);
        var chart = Request(budget, QuotaPriority.Chart, 44, Midnight.AddHours(23));

        Assert.False(refused.Granted);
        Assert.True(chart.Granted);
    }

    [Fact]
    public void A_new_quota_day_starts_from_zero_but_keeps_running_reservations_and_a_configuration_error()
    {
        var budget = Budget(100);
        var grant = Request(budget, QuotaPriority.Chart, 4, Midnight.AddHours(23).AddMinutes(59));
        budget.Record(_state, Guid.Empty, new QuotaUsage(1, Succeeded: false, ConfigurationError: "keyInvalid"), Midnight.AddHours(23).AddMinutes(59));

        var dayChanged = budget.RollOver(_state, Midnight.AddDays(1));

        Assert.True(dayChanged);
        Assert.Equal(0, _state.UnitsUsed);
        Assert.Equal(grant.Reservation, Assert.Single(_state.Reservations).Id);
        Assert.Equal("keyInvalid", _state.ConfigurationError);
        Assert.Equal(96, budget.Status(_state, Midnight.AddDays(1)).UnitsRemaining);
    }

    [Fact]
    public void Quota_exceeded_refuses_everything_until_the_next_pacific_midnight()
    {
        var budget = Budget(100);
        var grant = Request(budget, QuotaPriority.Chart, 4, Midnight.AddHours(3));

        var (persistNow, _) = budget.Record(_state, grant.Reservation, new QuotaUsage(1, Succeeded: false, QuotaExceeded: true), Midnight.AddHours(3));

        Assert.True(persistNow);
        Assert.False(Request(budget, QuotaPriority.Chart, 1, Midnight.AddHours(23)).Granted);
        Assert.True(Request(budget, QuotaPriority.Chart, 1, Midnight.AddDays(1)).Granted);
    }
}
