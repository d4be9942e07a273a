using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;

namespace TrendVault.Gateway.Tests;

public sealed class CompactedDayTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_day_unpacks_to_one_point_per_filled_slot_with_hidden_counts_null()
    {
        var day = new CompactedDay(Day, 3600, 1_000, [0, null, 25, 40], 10, [0, null, null], null, null);

        var points = day.Points(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal(
            [new SnapshotPoint(Day, 1_000, 10, null), new SnapshotPoint(Day.AddHours(2), 1_025, null, null), new SnapshotPoint(Day.AddHours(3), 1_040, null, null)],
            points);
    }

    [Fact]
    public void Only_the_slots_inside_the_range_are_given_its_ends_included()
    {
        var day = new CompactedDay(Day, 1800, 5_000_000_000, [0, 1, 2, 3, 4], null, null, 7, [0, 0, 1, 1, 2]);

        var points = day.Points(Day.AddMinutes(30), Day.AddMinutes(90));

        Assert.Equal([5_000_000_001L, 5_000_000_002L, 5_000_000_003L], points.Select(p => p.Views));
    }
}
