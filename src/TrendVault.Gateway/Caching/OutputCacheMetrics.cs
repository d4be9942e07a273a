using System.Diagnostics.Metrics;

namespace TrendVault.Gateway.Caching;

/// <summary>How often the gateway's output cache answered instead of the database, by endpoint.</summary>
public sealed class OutputCacheMetrics
{
    private readonly Counter<long> _lookups;

    public OutputCacheMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _lookups = meter.CreateCounter<long>("trendvault.gateway.output_cache.lookups", "{request}",
            "Requests to cached endpoints, by whether the output cache answered (hit) or the endpoint ran (miss)");
    }

    public void Hit(string endpoint) => _lookups.Add(1, new("endpoint", endpoint), new("result", "hit"));

    public void Miss(string endpoint) => _lookups.Add(1, new("endpoint", endpoint), new("result", "miss"));
}
