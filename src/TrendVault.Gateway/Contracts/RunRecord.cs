namespace TrendVault.Gateway.Contracts;

/// <summary>A collection run; <see cref="BrokenReasons"/> counts its repaired and skipped chart items by reason.</summary>
public sealed record RunRecord(
    string Region, DateTimeOffset Bucket, string Status, int Attempts, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Videos, int ApiCalls, string? Error,
    int Repaired, int Skipped, IReadOnlyDictionary<string, int> BrokenReasons);
