namespace TrendVault.Grains.Tracking;

/// <summary>The "Tracking" section: how long and by whom videos are followed after they leave every chart.</summary>
public sealed class TrackingOptions
{
    /// <summary>Days a video keeps hourly snapshots after it was last on any chart.</summary>
    public int Days { get; set; } = 7;

    /// <summary>Tracker grains sharing the off-chart videos (by video key modulo this).</summary>
    public int Shards { get; set; } = 4;

    /// <summary>
    /// How far into a bucket the trackers wait, so chart collection (which snapshots on-chart
    /// videos anyway) goes first; null means a third of the bucket.
    /// </summary>
    public TimeSpan? RefreshAfter { get; set; }

    public TimeSpan EffectiveRefreshAfter(TimeSpan bucketSize) => RefreshAfter ?? bucketSize / 3;
}
