namespace TrendVault.Gateway.Contracts;

/// <summary>Chart items repaired and skipped by the runs started since <see cref="Since"/> (24 hours before the latest run), in all and by reason.</summary>
public sealed record BrokenItemsInfo(DateTimeOffset Since, long Repaired, long Skipped, IReadOnlyDictionary<string, long> Reasons);
