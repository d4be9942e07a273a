namespace TrendVault.Grains.Tracking;

[GenerateSerializer, Alias("TrendVault.TrackerState")]
public sealed class TrackerState
{
    /// <summary>The last bucket this shard finished (refreshed, or skipped by the quota governor).</summary>
    [Id(0)] public DateTimeOffset? LastBucket { get; set; }

    /// <summary>The period the reminder was registered with.</summary>
    [Id(1)] public TimeSpan TickPeriod { get; set; }
}
