using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TrendVault.Model;

namespace TrendVault.Grains.Tracking;

/// <summary>
/// Per silo: tracker refreshes by status, the videos they refreshed or found gone, and the videos each
/// shard tracked at its last refresh here (labelled by shard: a fixed, small number).
/// </summary>
public sealed class TrackerMetrics
{
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _videos;
    private readonly ConcurrentDictionary<int, int> _tracked = new();

    public TrackerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _refreshes = meter.CreateCounter<long>("trendvault.tracker.refreshes", "{refresh}", "Tracker refreshes of a bucket, by status (succeeded, skipped for quota, failed)");
        _videos = meter.CreateCounter<long>("trendvault.tracker.videos", "{video}", "Videos off every chart snapshotted by trackers (refreshed) or no longer served by YouTube (gone)");
        meter.CreateObservableGauge("trendvault.tracker.tracked", Tracked, "{video}", "Videos a shard tracked at its last refresh on this silo");
    }

    public void Record(RefreshResult result)
    {
        if (result.Status == "alreadyDone")
        {
            return;
        }
        _refreshes.Add(1, new KeyValuePair<string, object?>("status", result.Status));
        _videos.Add(result.Videos, new KeyValuePair<string, object?>("kind", "refreshed"));
        _videos.Add(result.Gone, new KeyValuePair<string, object?>("kind", "gone"));
        _tracked[result.Shard] = result.Tracked;
    }

    private IEnumerable<Measurement<int>> Tracked() =>
        _tracked.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("shard", pair.Key)));
}
