namespace TrendVault.Model;

/// <summary>Live operational state of a region grain.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.RegionStatus")]
public sealed record RegionStatus(
    [property: Id(0)] string Code,
    [property: Id(1)] bool Active,
    [property: Id(2)] DateTimeOffset? LastCollectedBucket,
    [property: Id(3)] CollectionResult? LastRun,
    [property: Id(4)] DateTimeOffset? NextDueAt);
