using System.Diagnostics;
using System.Diagnostics.Metrics;
using TrendVault.YouTube.Errors;

namespace TrendVault.YouTube;

/// <summary>Per process: YouTube API calls (one per request, its retries included) by operation and outcome, failures by error kind.</summary>
public sealed class YouTubeCallMetrics
{
    private readonly Counter<long> _calls;

    public YouTubeCallMetrics(IMeterFactory meters)
    {
        _calls = meters.Create(TrendVaultTelemetry.MeterName)
            .CreateCounter<long>("trendvault.youtube.calls", "{call}", "YouTube API requests by operation and outcome; failed ones by error kind");
    }

    public void Succeeded(string operation) =>
        _calls.Add(1, new TagList { { "operation", operation }, { "outcome", "succeeded" } });

    public void Failed(string operation, YouTubeErrorKind kind) =>
        _calls.Add(1, new TagList { { "operation", operation }, { "outcome", "failed" }, { "error_kind", kind.ToString() } });
}
