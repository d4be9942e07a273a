namespace TrendVault.Gateway.Contracts;

/// <summary>A region as listed: catalog data, live active flag and the last committed bucket.</summary>
public sealed record RegionSummary(string Code, string Name, string? FlagUrl, bool Active, DateTimeOffset? LastCollectedAt);
