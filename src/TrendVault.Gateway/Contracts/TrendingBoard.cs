namespace TrendVault.Gateway.Contracts;

/// <summary>
/// A region's chart as collected in one bucket; CapturedAt is null when nothing is collected yet. Imported is
/// true for a day's chart imported from a public trending dataset: those carry no rank, so ranks are the
/// file's row order, and the counts are the day's.
/// </summary>
public sealed record TrendingBoard(string Region, DateTimeOffset? CapturedAt, IReadOnlyList<TrendingItem> Items, bool Imported = false);
