using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>Removes snapshots and chart ranks older than Retention:Days (single instance, key 0).</summary>
[Alias("TrendVault.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the periodic pass when a retention window is configured, and removes it when not.</summary>
    [Alias("Start")]
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>One pass now; null when everything is kept (no window configured).</summary>
    [Alias("PruneNow"), ResponseTimeout("00:30:00")]
    Task<RetentionResult?> PruneNowAsync(CancellationToken cancellationToken = default);
}
