using TrendVault.Grains.Tracking;
using TrendVault.Storage.Tracking;

namespace TrendVault.Grains.Tests;

/// <summary>Which tracked videos a bucket refreshes when the budget is short; no silo, no database.</summary>
public sealed class RefreshPacingTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Bucket = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    // 100 videos per age from 0 to 6 days since their last chart sighting, youngest first.
    private static readonly IReadOnlyList<RefreshCandidate> Tracked = Enumerable.Range(0, 700)
        .Select(i => new RefreshCandidate(1000 + i, $"video{i:D6}", Bucket - TimeSpan.FromDays(i / 100) - TimeSpan.FromMinutes(30)))
        .ToList();

    [Fact]
    public void When_the_budget_covers_every_video_all_are_refreshed_every_bucket()
    {
        var plan = RefreshPacing.Plan(Tracked, Bucket, Hour, capacity: 700);

        Assert.Equal((0, 700, 700), (plan.Level, plan.Due.Count, plan.Tracked));
    }

    [Fact]
    public void When_the_budget_is_short_videos_sighted_today_stay_hourly_and_older_ones_are_stretched()
    {
        var plan = RefreshPacing.Plan(Tracked, Bucket, Hour, capacity: 450);
        var due = plan.Due.ToHashSet();

        Assert.Equal(1, plan.Level);
        Assert.True(plan.Due.Count <= 450);
        Assert.All(Tracked.Take(100), c => Assert.Contains(c.YouTubeId, due));
    }

    [Fact]
    public void Over_one_period_every_video_is_refreshed_exactly_once_per_its_period()
    {
        const int level = 1;
        const int buckets = 2;
        var refreshes = new Dictionary<string, int>();

        for (var i = 0; i < buckets; i++)
        {
            // Level 1 needs about 100 + 600 / 2 = 400 a bucket; level 0 would need all 700.
            var plan = RefreshPacing.Plan(Tracked, Bucket + i * Hour, Hour, capacity: 450);
            foreach (var id in plan.Due)
            {
                refreshes[id] = refreshes.GetValueOrDefault(id) + 1;
            }
            Assert.Equal(level, plan.Level);
        }

        foreach (var (candidate, index) in Tracked.Select((c, i) => (c, i)))
        {
            Assert.Equal(buckets / RefreshPacing.Period(index / 100, level), refreshes[candidate.YouTubeId]);
        }
    }

    [Fact]
    public void Each_bucket_gets_an_even_slice_of_the_stretched_videos()
    {
        var plans = Enumerable.Range(0, 4)
            .Select(i => RefreshPacing.Plan(Tracked, Bucket + i * Hour, Hour, capacity: 300))
            .ToList();

        // Level 2: 100 + 100 / 2 + 500 / 4 = 275 a bucket on average, each bucket near it.
        Assert.All(plans, plan => Assert.Equal(2, plan.Level));
        Assert.All(plans, plan => Assert.InRange(plan.Due.Count, 240, 300));
        Assert.InRange(plans.Sum(p => p.Due.Count), 4 * 275 - 40, 4 * 275 + 40);
    }

    [Fact]
    public void When_even_the_slowest_pace_does_not_fit_the_most_recently_sighted_come_first()
    {
        var plan = RefreshPacing.Plan(Tracked, Bucket, Hour, capacity: 30);

        Assert.Equal(RefreshPacing.MaxLevel, plan.Level);
        Assert.Equal(Tracked.Take(30).Select(c => c.YouTubeId), plan.Due);
    }

    [Fact]
    public void The_period_doubles_with_each_day_off_the_chart_up_to_the_level()
    {
        Assert.Equal([1, 2, 4, 4, 4], Enumerable.Range(0, 5).Select(age => RefreshPacing.Period(age, level: 2)));
        Assert.Equal([1, 1, 1], Enumerable.Range(0, 3).Select(age => RefreshPacing.Period(age, level: 0)));
    }
}
