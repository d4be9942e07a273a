namespace TrendVault.Gateway.Contracts;

/// <summary>The last collection attempt of a region: chart videos stored with a defect repaired, unusable items skipped.</summary>
public sealed record RunStatus(DateTimeOffset Bucket, string Outcome, string? Error, int Videos, int Repaired, int Skipped);
