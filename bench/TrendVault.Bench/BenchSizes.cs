namespace TrendVault.Bench;

/// <summary>How big each benchmark is: the sizes, or tiny ones that run in seconds.</summary>
public sealed record BenchSizes
{
    /// <summary>The sizes: a year of 5,400 videos, every fake region, 100,000 tracked videos.</summary>
    public static BenchSizes Full { get; } = new()
    {
        Name = "full",
        Videos = 5_400,
        Days = 365,
        YearRegions = ["US", "GB", "IN", "DE", "CA", "FR", "KR", "RU", "JP", "BR", "MX"],
        CollectionRegions = null,
        BaselineDays = 7,
        LatencyRequests = 1_000,
        LatencyBudget = TimeSpan.FromSeconds(60),
        Warmup = TimeSpan.FromSeconds(5),
        ThroughputDuration = TimeSpan.FromSeconds(20),
        Concurrency = 16,
        TrackedVideos = 100_000,
        CollectionBucket = TimeSpan.FromSeconds(15),
        RealisticDays = 365,
        CatalogVideos = 1_000_000,
        RealisticRequests = 300,
        RealisticBudget = TimeSpan.FromSeconds(8),
        TrackerScans = 10,
        ImportCopies = 230,
    };

    /// <summary>Tiny sizes for CI and for checking the harness: four days (so two are compacted), three regions.</summary>
    public static BenchSizes Smoke { get; } = new()
    {
        Name = "smoke",
        Videos = 400,
        Days = 4,
        YearRegions = ["US", "GB", "JP"],
        CollectionRegions = 3,
        BaselineDays = 4,
        LatencyRequests = 200,
        LatencyBudget = TimeSpan.FromSeconds(10),
        Warmup = TimeSpan.FromSeconds(1),
        ThroughputDuration = TimeSpan.FromSeconds(3),
        Concurrency = 4,
        TrackedVideos = 5_000,
        CollectionBucket = TimeSpan.FromSeconds(2),
        RealisticDays = 4,
        CatalogVideos = 3_000,
        RealisticRequests = 50,
        RealisticBudget = TimeSpan.FromSeconds(5),
        TrackerScans = 2,
        ImportCopies = 2,
    };

    public required string Name { get; init; }

    /// <summary>Videos of the synthetic year, each with a snapshot every hour.</summary>
    public required int Videos { get; init; }

    /// <summary>Length of the synthetic year in days of hourly buckets.</summary>
    public required int Days { get; init; }

    /// <summary>Regions whose hourly charts (200 ranks each) the synthetic year records.</summary>
    public required IReadOnlyList<string> YearRegions { get; init; }

    /// <summary>Regions collected per cycle; null means every region of the catalog.</summary>
    public required int? CollectionRegions { get; init; }

    /// <summary>Days of the year loaded into the plain one-row-per-snapshot baseline table.</summary>
    public required int BaselineDays { get; init; }

    /// <summary>Requests per latency figure, one at a time.</summary>
    public required int LatencyRequests { get; init; }

    /// <summary>
    /// Most time one latency figure may take: an endpoint so slow that <see cref="LatencyRequests"/> would
    /// take longer is measured for this long instead, and the table says how many requests that was.
    /// </summary>
    public required TimeSpan LatencyBudget { get; init; }

    /// <summary>Load before each measurement (JIT, connection pools, caches).</summary>
    public required TimeSpan Warmup { get; init; }

    public required TimeSpan ThroughputDuration { get; init; }

    /// <summary>Concurrent connections of the throughput runs.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Off-chart videos the trackers refresh in the memory benchmark.</summary>
    public required int TrackedVideos { get; init; }

    /// <summary>Bucket length of the silo that runs collection cycles: short, so consecutive cycles need no hour-long wait.</summary>
    public required TimeSpan CollectionBucket { get; init; }

    /// <summary>Days of the realistic year (issue 12), charted in <see cref="YearRegions"/>.</summary>
    public required int RealisticDays { get; init; }

    /// <summary>Videos in the catalog when the realistic year's endpoints are measured (the year's own plus filler).</summary>
    public required int CatalogVideos { get; init; }

    /// <summary>Requests per endpoint of the realistic year, one at a time.</summary>
    public required int RealisticRequests { get; init; }

    /// <summary>Most time one realistic endpoint may take (as <see cref="LatencyBudget"/>).</summary>
    public required TimeSpan RealisticBudget { get; init; }

    /// <summary>Rounds of the trackers' candidate scan (every shard once a round).</summary>
    public required int TrackerScans { get; init; }

    public int Hours => Days * 24;

    /// <summary>Copies of the real 2020 US dataset file (872 rows over 5 days) the import benchmark chains into one file.</summary>
    public required int ImportCopies { get; init; }
}
