namespace TrendVault.Model;

/// <summary>What one collection attempt of a region's hour bucket did.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.CollectionResult")]
public sealed record CollectionResult(
    [property: Id(0)] string Region,
    [property: Id(1)] DateTimeOffset Bucket,
    [property: Id(2)] CollectionOutcome Outcome,
    [property: Id(3)] int Videos,
    [property: Id(4)] int ApiCalls,
    [property: Id(5)] string? Error);
