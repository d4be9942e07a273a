using TrendVault.Model;

namespace TrendVault.YouTube;

/// <summary>
/// A region's most-popular chart as fetched, in chart order. Skipped items keep their rank slot: every
/// entry's rank is its position in the API's answer, so the ranks of a chart with a skipped item have a hole.
/// </summary>
public sealed record MostPopularChart(string Region, IReadOnlyList<ChartEntry> Entries, int Pages)
{
    /// <summary>Items of this chart that were repaired or skipped.</summary>
    public BrokenItems Broken { get; init; } = BrokenItems.None;
}
