namespace TrendVault.Model;

/// <summary>
/// What one tracker refresh of a bucket did: Tracked is the shard's candidates, Videos those refreshed;
/// Level is the pacing level (0: every candidate, each level stretches older videos' period by 2).
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.RefreshResult")]
public sealed record RefreshResult(
    [property: Id(0)] int Shard,
    [property: Id(1)] DateTimeOffset Bucket,
    [property: Id(2)] string Status,
    [property: Id(3)] int Videos,
    [property: Id(4)] int Gone,
    [property: Id(5)] int ApiCalls,
    [property: Id(6)] string? Error,
    [property: Id(7)] int Tracked = 0,
    [property: Id(8)] int Level = 0);
