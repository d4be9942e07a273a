using System.Collections.Concurrent;

namespace TrendVault.FakeYouTube.Data;

/// <summary>
/// The simulated world: a fixed pool of videos, a chart and a category list per region, and statistics that
/// are a pure function of (video, time). Everything derives from indexes and region codes, so two servers
/// (or a server and a test) always agree.
/// </summary>
public sealed class FakeCatalog
{
    /// <summary>The default pool, and the part of any pool that charts draw from.</summary>
    public const int PoolSize = 3000;

    /// <summary>Pool indexes below this are the global hits that trend in many regions at once.</summary>
    public const int GlobalHitCount = 300;

    public const int ChartLength = 200;
    public const int GlobalHitsPerChart = 60;

    /// <summary>Statistics equal their base values at and before this instant and grow linearly after it.</summary>
    public static readonly DateTimeOffset GrowthEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly FakeCategory[] AllCategories =
    [
        new("1", "Film & Animation", true), new("2", "Autos & Vehicles", true), new("10", "Music", true),
        new("15", "Pets & Animals", true), new("17", "Sports", true), new("18", "Short Movies", false),
        new("19", "Travel & Events", true), new("20", "Gaming", true), new("21", "Videoblogging", false),
        new("22", "People & Blogs", true), new("23", "Comedy", true), new("24", "Entertainment", true),
        new("25", "News & Politics", true), new("26", "Howto & Style", true), new("27", "Education", true),
        new("28", "Science & Technology", true), new("29", "Nonprofits & Activism", true), new("30", "Movies", false),
        new("31", "Anime/Animation", false), new("32", "Action/Adventure", false), new("33", "Classics", false),
        new("34", "Comedy", false), new("35", "Documentary", false), new("36", "Drama", false),
        new("37", "Family", false), new("38", "Foreign", false), new("39", "Horror", false),
        new("40", "Sci-Fi/Fantasy", false), new("41", "Thriller", false), new("42", "Shorts", false),
        new("43", "Shows", false), new("44", "Trailers", false),
    ];

    private readonly FakeVideo[] _videos;
    private readonly Dictionary<string, FakeVideo> _videosById;
    private readonly Dictionary<string, FakeRegion> _regions;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _charts = new();
    private readonly ConcurrentDictionary<string, string[]> _sequences = new();
    private readonly ConcurrentDictionary<string, int> _chartLimits = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _removed = new(StringComparer.Ordinal);
    private readonly int _turnoverPerHour;
    private readonly int _chartPool;

    /// <param name="chartTurnoverPerHour">Videos that leave (and join) each chart per hour; 0 keeps charts fixed.</param>
    /// <param name="poolSize">Videos known to id lookups; charts use only the first <paramref name="chartPool"/>, so they stay the same.</param>
    /// <param name="chartPool">
    /// Videos turnover brings onto charts (from <see cref="PoolSize"/> up to <paramref name="poolSize"/>; default <see cref="PoolSize"/>).
    /// A larger one keeps each region's newcomers mostly its own, as on the real charts, instead of 109 regions sharing 3,000 videos.
    /// </param>
    public FakeCatalog(int chartTurnoverPerHour = 0, int poolSize = PoolSize, int chartPool = PoolSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chartTurnoverPerHour);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, PoolSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(chartPool, PoolSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chartPool, poolSize);
        _turnoverPerHour = chartTurnoverPerHour;
        _chartPool = chartPool;
        _videos = Enumerable.Range(0, poolSize).Select(VideoFactory.Create).ToArray();
        _videosById = _videos.ToDictionary(v => v.Id, StringComparer.Ordinal);
        Regions = RegionTable.Load();
        _regions = Regions.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<FakeRegion> Regions { get; }

    public IReadOnlyList<FakeVideo> Videos => _videos;

    /// <summary>Every category of the catalogue; a region's list lacks a few non-assignable ones.</summary>
    public static IReadOnlyList<FakeCategory> Categories => AllCategories;

    public bool IsKnownRegion(string regionCode) => _regions.ContainsKey(regionCode);

    /// <summary>The region's categories in id order; 1–4 non-assignable categories are missing, chosen by region code.</summary>
    public IReadOnlyList<FakeCategory> CategoriesFor(string regionCode)
    {
        var rng = StableRandom.For("categories:" + KnownCode(regionCode));
        var optional = AllCategories.Where(c => !c.Assignable).ToList();
        rng.Shuffle(optional);
        var missing = optional.Take(rng.Next(1, 5)).ToHashSet();
        return AllCategories.Where(c => !missing.Contains(c)).ToArray();
    }

    /// <summary>
    /// The region's mostPopular chart in rank order: 60 videos drawn from the global hits, 140 from the rest of
    /// the pool, shuffled together. Fixed per region; only the statistics change with time.
    /// </summary>
    public IReadOnlyList<string> ChartFor(string regionCode) => _charts.GetOrAdd(KnownCode(regionCode), BuildChart);

    public FakeVideo? Video(string id) => _videosById.GetValueOrDefault(id);

    public FakeVideoStatistics StatisticsAt(string id, DateTimeOffset at)
    {
        var video = Video(id) ?? throw new KeyNotFoundException($"Unknown video id '{id}'.");
        var elapsedSeconds = Math.Max(0, (at - GrowthEpoch).Ticks / TimeSpan.TicksPerSecond);
        return video.Growth.At(elapsedSeconds, video.LikesHidden, video.CommentsDisabled);
    }

    /// <summary>
    /// The chart the API serves at <paramref name="at"/>: the fixed chart, slid along a per-region sequence of the
    /// pool when turnover is on, without removed videos, cut to the region's limit if one is set.
    /// </summary>
    public IReadOnlyList<string> ChartAt(string regionCode, DateTimeOffset at)
    {
        var code = KnownCode(regionCode);
        IEnumerable<string> chart = ChartFor(code);
        if (_turnoverPerHour > 0)
        {
            var sequence = _sequences.GetOrAdd(code, BuildSequence);
            var hours = Math.Max(0, (long)Math.Floor((at - GrowthEpoch).TotalHours));
            var start = (int)(hours * _turnoverPerHour % sequence.Length);
            chart = Enumerable.Range(start, ChartLength).Select(i => sequence[i % sequence.Length]);
        }
        chart = chart.Where(id => !IsRemoved(id));
        return (_chartLimits.TryGetValue(code, out var limit) ? chart.Take(limit) : chart).ToList();
    }

    /// <summary>Serves only the first <paramref name="length"/> entries of the region's chart; null restores it.</summary>
    public void LimitChart(string regionCode, int? length)
    {
        var code = KnownCode(regionCode);
        if (length is { } value)
        {
            _chartLimits[code] = value;
        }
        else
        {
            _chartLimits.TryRemove(code, out _);
        }
    }

    /// <summary>Makes a video deleted or private: charts drop it and id lookups leave it out.</summary>
    public void Remove(string id) => _removed[id] = true;

    public bool IsRemoved(string id) => _removed.ContainsKey(id);

    private string KnownCode(string regionCode) =>
        _regions.TryGetValue(regionCode, out var region)
            ? region.Code
            : throw new ArgumentException($"Unknown region code '{regionCode}'.", nameof(regionCode));

    private IReadOnlyList<string> BuildChart(string regionCode)
    {
        var rng = StableRandom.For("chart:" + regionCode);
        var chart = Sample(rng, 0, GlobalHitCount, GlobalHitsPerChart)
            .Concat(Sample(rng, GlobalHitCount, PoolSize, ChartLength - GlobalHitsPerChart))
            .ToList();
        rng.Shuffle(chart);
        return chart.Select(index => _videos[index].Id).ToArray();
    }

    // The fixed chart first, then the rest of the pool in a region-specific order: sliding a window
    // along it makes videos leave the chart and new ones arrive at a steady rate.
    private string[] BuildSequence(string regionCode)
    {
        var chart = ChartFor(regionCode);
        var onChart = chart.ToHashSet(StringComparer.Ordinal);
        var rest = _videos.Take(_chartPool).Where(v => !onChart.Contains(v.Id)).Select(v => v.Id).ToArray();
        StableRandom.For("sequence:" + regionCode).Shuffle(rest);
        return [.. chart, .. rest];
    }

    private static int[] Sample(StableRandom rng, int from, int to, int count)
    {
        var indexes = Enumerable.Range(from, to - from).ToArray();
        rng.Shuffle(indexes);
        return indexes[..count];
    }
}
