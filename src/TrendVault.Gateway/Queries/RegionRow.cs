namespace TrendVault.Gateway.Queries;

/// <summary>A catalog region with the bucket of its last successful collection.</summary>
public sealed record RegionRow(string Code, string Name, string? FlagPath, DateTimeOffset? LastCollectedAt);
