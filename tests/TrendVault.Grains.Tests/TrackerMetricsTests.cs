using TrendVault.Grains.Tracking;
using TrendVault.Model;
using TrendVault.Testing;

namespace TrendVault.Grains.Tests;

/// <summary>What operators see of the trackers: refreshes by status and the videos they refreshed or found gone.</summary>
public sealed class TrackerMetricsTests
{
    private static readonly DateTimeOffset Bucket = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_refresh_counts_once_by_status_with_its_refreshed_and_gone_videos()
    {
        using var meters = new TestMeters();
        var metrics = new TrackerMetrics(meters);

        metrics.Record(new RefreshResult(3, Bucket, "succeeded", Videos: 120, Gone: 2, ApiCalls: 3, Error: null, Tracked: 400));
        metrics.Record(new RefreshResult(4, Bucket, "skipped", 0, 0, 0, "quota", Tracked: 380));

        Assert.Equal(1, meters.Sum("trendvault.tracker.refreshes", "status", "succeeded"));
        Assert.Equal(1, meters.Sum("trendvault.tracker.refreshes", "status", "skipped"));
        Assert.Equal(120, meters.Sum("trendvault.tracker.videos", "kind", "refreshed"));
        Assert.Equal(2, meters.Sum("trendvault.tracker.videos", "kind", "gone"));
    }

    [Fact]
    public void A_bucket_the_shard_had_already_refreshed_is_not_a_refresh()
    {
        using var meters = new TestMeters();
        var metrics = new TrackerMetrics(meters);

        metrics.Record(new RefreshResult(3, Bucket, "alreadyDone", 0, 0, 0, null));

        Assert.Equal(0, meters.Sum("trendvault.tracker.refreshes"));
    }
}
