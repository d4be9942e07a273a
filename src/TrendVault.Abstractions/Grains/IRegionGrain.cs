using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>One YouTube region (key: upper-case region code); collects its chart once per bucket.</summary>
[Alias("TrendVault.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>Starts scheduled collection; the first tick comes at once.</summary>
    [Alias("Activate")]
    Task ActivateAsync(CancellationToken cancellationToken = default);

    /// <summary>Activates the region unless an operator deactivated it; used for configured regions at start.</summary>
    [Alias("EnsureActiveFromConfiguration")]
    Task EnsureActiveFromConfigurationAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops a region the configuration activated once it is no longer configured; an operator's activation stays.</summary>
    [Alias("ReleaseFromConfiguration")]
    Task ReleaseFromConfigurationAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops scheduled collection; stored data stays.</summary>
    [Alias("Deactivate")]
    Task DeactivateAsync(CancellationToken cancellationToken = default);

    /// <summary>Collects the current bucket now (if not already committed) and returns once it is durable.</summary>
    [Alias("CollectNow")]
    Task<CollectionResult> CollectNowAsync(CancellationToken cancellationToken = default);

    [Alias("GetStatus"), Orleans.Concurrency.AlwaysInterleave]
    Task<RegionStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
