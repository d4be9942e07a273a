using TrendVault.Model;

namespace TrendVault.Grains.Regions;

/// <summary>Operational state of a region, in Orleans grain storage. The alias keeps stored rows readable across renames.</summary>
[GenerateSerializer, Alias("TrendVault.RegionState")]
public sealed class RegionState
{
    [Id(0)] public bool Active { get; set; }

    /// <summary>Set by an explicit deactivation, so the start-up configuration does not undo it.</summary>
    [Id(1)] public bool DeactivatedByOperator { get; set; }

    [Id(2)] public DateTimeOffset? LastCollectedBucket { get; set; }

    [Id(3)] public CollectionResult? LastRun { get; set; }

    /// <summary>Set by an explicit activation, so removing the region from the configuration does not undo it.</summary>
    [Id(4)] public bool ActivatedByOperator { get; set; }

    /// <summary>The period the reminder was registered with.</summary>
    [Id(5)] public TimeSpan TickPeriod { get; set; }
}
