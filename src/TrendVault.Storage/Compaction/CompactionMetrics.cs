using System.Diagnostics.Metrics;

namespace TrendVault.Storage.Compaction;

/// <summary>Per process: how far compaction got, in closed days and in snapshots moved to day rows.</summary>
public sealed class CompactionMetrics
{
    private readonly Counter<long> _days;
    private readonly Counter<long> _snapshots;

    public CompactionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _days = meter.CreateCounter<long>("trendvault.compaction.days", "{day}", "Closed UTC days compacted");
        _snapshots = meter.CreateCounter<long>("trendvault.compaction.snapshots", "{snapshot}", "Snapshots moved into day rows");
    }

    public void Compacted(long snapshots)
    {
        _days.Add(1);
        _snapshots.Add(snapshots);
    }
}
