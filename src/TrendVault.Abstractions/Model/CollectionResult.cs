namespace TrendVault.Model;

/// <summary>
/// What one collection attempt of a region's hour bucket did. <paramref name="Repaired"/> chart videos
/// were stored with a defect repaired and <paramref name="Skipped"/> unusable items were left out.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.CollectionResult")]
public sealed record CollectionResult(
    [property: Id(0)] string Region,
    [property: Id(1)] DateTimeOffset Bucket,
    [property: Id(2)] CollectionOutcome Outcome,
    [property: Id(3)] int Videos,
    [property: Id(4)] int ApiCalls,
    [property: Id(5)] string? Error,
    [property: Id(6)] int Repaired = 0,
    [property: Id(7)] int Skipped = 0);
