using System.Diagnostics.Metrics;

namespace TrendVault.YouTube;

/// <summary>
/// Meter "TrendVault": <c>trendvault.videos.repaired</c> and <c>trendvault.videos.skipped</c> count API
/// items by <c>reason</c> (an <see cref="ItemDefectNames"/> name; an item with two defects counts under both).
/// Tags are bounded: no video ids or regions.
/// </summary>
public sealed class BrokenItemMetrics
{
    private readonly Counter<long> _repaired;
    private readonly Counter<long> _skipped;

    public BrokenItemMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _repaired = meter.CreateCounter<long>("trendvault.videos.repaired", "{video}", "Videos from the YouTube API stored with a defect repaired, by reason");
        _skipped = meter.CreateCounter<long>("trendvault.videos.skipped", "{item}", "Video items from the YouTube API left out as unusable, by reason");
    }

    public void Record(ItemDefects defects)
    {
        if (defects == ItemDefects.None)
        {
            return;
        }
        var counter = (defects & ItemDefectNames.Unusable) != 0 ? _skipped : _repaired;
        foreach (var reason in ItemDefectNames.Of(defects))
        {
            counter.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }
}
