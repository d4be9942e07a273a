namespace TrendVault.YouTube;

/// <summary>A region's most-popular chart as fetched, in chart order.</summary>
public sealed record MostPopularChart(string Region, IReadOnlyList<ChartEntry> Entries, int Pages);
