using System.Diagnostics;

namespace TrendVault;

/// <summary>
/// The names under which TrendVault publishes its own instruments and spans. Instruments are created from
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> with <see cref="MeterName"/>; the exporters add
/// the <c>trendvault_</c> prefix by name (trendvault.collection.runs → trendvault_collection_runs_total).
/// </summary>
public static class TrendVaultTelemetry
{
    public const string MeterName = "TrendVault";

    public const string ActivitySourceName = "TrendVault";

    /// <summary>Spans of the collection path: a reminder tick, the chart fetch, the fan-out and the commit.</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
