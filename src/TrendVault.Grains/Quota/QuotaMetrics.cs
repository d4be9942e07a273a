using System.Diagnostics.Metrics;
using TrendVault.Model;

namespace TrendVault.Grains.Quota;

/// <summary>
/// The quota governor's instruments on the "TrendVault" meter. Tags are bounded: priority is chart, refresh or unreserved.
/// The gauges read the last figures the quota grain published from this silo.
/// </summary>
public sealed class QuotaMetrics
{
    private readonly Counter<long> _unitsUsed;
    private readonly Counter<long> _refreshUnitsSkipped;
    private readonly Counter<long> _reservationsExpired;
    private volatile QuotaStatus? _status;

    public QuotaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _unitsUsed = meter.CreateCounter<long>("trendvault.quota.units_used", "{unit}", "API units recorded as spent, by the priority of the grant");
        _refreshUnitsSkipped = meter.CreateCounter<long>("trendvault.quota.refresh_units_skipped", "{unit}", "Refresh units asked for and not granted");
        _reservationsExpired = meter.CreateCounter<long>("trendvault.quota.reservations_expired", "{reservation}", "Grants whose usage was never recorded, counted as spent");
        meter.CreateObservableGauge("trendvault.quota.units_remaining", () => Observe(s => s.UnitsRemaining), "{unit}", "Units left in the Pacific day, reservations excluded");
        meter.CreateObservableGauge("trendvault.quota.reserved", () => Observe(s => s.UnitsReserved), "{unit}", "Units granted to work still running");
    }

    /// <summary>Priority null: usage without a known grant (never reserved, or its reservation had expired).</summary>
    public void UnitsUsed(QuotaPriority? priority, int units) =>
        _unitsUsed.Add(units, new KeyValuePair<string, object?>("priority", priority is { } p ? PriorityTag(p) : "unreserved"));

    public void RefreshUnitsSkipped(int units) => _refreshUnitsSkipped.Add(units);

    public void ReservationExpired(QuotaPriority priority) =>
        _reservationsExpired.Add(1, new KeyValuePair<string, object?>("priority", PriorityTag(priority)));

    public void Publish(QuotaStatus status) => _status = status;

    private IEnumerable<Measurement<int>> Observe(Func<QuotaStatus, int> value) =>
        _status is { } status ? [new Measurement<int>(value(status))] : [];

    private static string PriorityTag(QuotaPriority priority) => priority == QuotaPriority.Refresh ? "refresh" : "chart";
}
