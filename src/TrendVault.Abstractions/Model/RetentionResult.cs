namespace TrendVault.Model;

/// <summary>What one retention pass removed: everything collected before <paramref name="Cutoff"/>.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.RetentionResult")]
public sealed record RetentionResult(
    [property: Id(0)] DateTimeOffset Cutoff,
    [property: Id(1)] long Snapshots,
    [property: Id(2)] long SnapshotDays,
    [property: Id(3)] long TrendingEntries);
