namespace TrendVault.Bench.Hosting;

/// <summary>What differs between the benchmark's silos: bucket length and how long videos stay tracked.</summary>
public sealed record ClusterSettings
{
    /// <summary>Collection:BucketSize; the reminders tick twice per bucket.</summary>
    public required TimeSpan BucketSize { get; init; }

    /// <summary>Tracking:Days; 0 keeps the trackers idle while other benchmarks run.</summary>
    public required int TrackingDays { get; init; }

    /// <summary>Quota:DailyUnits; refreshes get an even hourly share of it, so a benchmark of one whole refresh needs a large one.</summary>
    public int DailyUnits { get; init; } = 10_000;

    /// <summary>Start the REST gateway too, without its output cache: latency figures are what answers cost the database.</summary>
    public required bool WithGateway { get; init; }

    /// <summary>Also a second gateway with its output cache on, as deployed: for the throughput figures.</summary>
    public bool WithCachedGateway { get; init; }
}
