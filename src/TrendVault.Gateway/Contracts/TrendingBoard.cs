namespace TrendVault.Gateway.Contracts;

/// <summary>A region's chart as collected in one bucket; CapturedAt is null when nothing is collected yet.</summary>
public sealed record TrendingBoard(string Region, DateTimeOffset? CapturedAt, IReadOnlyList<TrendingItem> Items);
