using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>
/// Refreshes, once per bucket, the videos of one shard that left every chart but are still inside the
/// tracking window (key: shard number), 50 ids per videos.list call.
/// </summary>
[Alias("TrendVault.ITrackerGrain")]
public interface ITrackerGrain : IGrainWithIntegerKey
{
    [Alias("Start")]
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Refreshes the current bucket now if it has not been refreshed; returns what it did.</summary>
    [Alias("RefreshNow")]
    Task<RefreshResult> RefreshNowAsync(CancellationToken cancellationToken = default);
}
