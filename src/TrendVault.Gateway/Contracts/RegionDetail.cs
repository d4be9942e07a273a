namespace TrendVault.Gateway.Contracts;

/// <summary>A region with its last run and when the next collection is due.</summary>
public sealed record RegionDetail(string Code, string Name, string? FlagUrl, bool Active, DateTimeOffset? LastCollectedAt, RunStatus? Status, DateTimeOffset? NextDueAt);
