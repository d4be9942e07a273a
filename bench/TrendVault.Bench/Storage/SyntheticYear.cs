namespace TrendVault.Bench.Storage;

/// <summary>
/// A deterministic year of hourly data: every video has a snapshot in every hour, and every region an
/// hourly chart of 200. Views grow monotonically, fast at first and slower later, with a daily rhythm;
/// likes and comments follow views, hidden for some videos; a few videos have more than 2^31 views.
/// Charts mix global hits (shared by every region) with a regional window turning over ~10 videos an hour.
/// </summary>
public sealed class SyntheticYear
{
    public const int ChartLength = 200;

    private const int TurnoverPerHour = 10;
    private readonly long[] _baseViews;
    private readonly double[] _scale;
    private readonly double[] _decayHours;
    private readonly double[] _phase;
    private readonly int[] _likeDivisor;
    private readonly int[] _commentDivisor;
    private readonly int _globalPool;
    private readonly int _globalPerChart;

    public SyntheticYear(int videos, int hours, IReadOnlyList<string> regions, DateTimeOffset lastBucket)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(videos, ChartLength + 50);
        Videos = videos;
        Hours = hours;
        Regions = regions;
        Start = lastBucket.AddHours(-(hours - 1));
        // The global hits are 1/18 of the videos (300 of 5,400); each chart carries up to 60 of them.
        _globalPool = videos / 18;
        _globalPerChart = Math.Min(60, _globalPool);
        _baseViews = new long[videos];
        _scale = new double[videos];
        _decayHours = new double[videos];
        _phase = new double[videos];
        _likeDivisor = new int[videos];
        _commentDivisor = new int[videos];
        for (var i = 0; i < videos; i++)
        {
            var random = new Random(i);
            var huge = i % 1000 == 0;
            long[] magnitudes = [10_000, 100_000, 1_000_000, 10_000_000];
            _baseViews[i] = huge ? random.NextInt64(3_000_000_000, 9_000_000_000) : magnitudes[random.Next(4)] * (1 + random.Next(4));
            var viewsPerHour = huge ? random.Next(20_000, 200_000) : Math.Max(50.0, _baseViews[i] / (double)random.Next(24 * 14, 24 * 365));
            _decayHours[i] = random.Next(24 * 7, 24 * 120);
            _scale[i] = viewsPerHour * _decayHours[i];
            _phase[i] = random.NextDouble() * 2 * Math.PI;
            _likeDivisor[i] = i % 17 == 5 ? 0 : random.Next(15, 80);
            _commentDivisor[i] = i % 19 == 7 ? 0 : random.Next(100, 1000);
        }
    }

    public int Videos { get; }

    public int Hours { get; }

    public IReadOnlyList<string> Regions { get; }

    /// <summary>The first hour bucket.</summary>
    public DateTimeOffset Start { get; }

    public DateTimeOffset LastBucket => Start.AddHours(Hours - 1);

    public long Snapshots => (long)Videos * Hours;

    public static string YouTubeId(int video) => $"bench{video:D6}";

    /// <summary>Counters of <paramref name="video"/> in hour <paramref name="hour"/> of the year; null likes/comments are hidden.</summary>
    public (long Views, long? Likes, long? Comments) Statistics(int video, int hour)
    {
        // Elapsed hours with a daily rhythm (rate between 0.5 and 1.5), through a concave curve: monotone, never flat.
        var rhythm = hour + 6 / Math.PI * (Math.Cos(_phase[video]) - Math.Cos(2 * Math.PI * hour / 24 + _phase[video]));
        var views = _baseViews[video] + (long)(_scale[video] * Math.Log(1 + rhythm / _decayHours[video]));
        return (views,
            _likeDivisor[video] == 0 ? null : views / _likeDivisor[video],
            _commentDivisor[video] == 0 ? null : views / _commentDivisor[video]);
    }

    /// <summary>The chart of region number <paramref name="region"/> in <paramref name="hour"/>: video of each rank (index 0 is rank 1).</summary>
    public void Chart(int region, int hour, Span<int> videoByRank)
    {
        var regionalPool = Videos - _globalPool;
        for (var k = 0; k < ChartLength; k++)
        {
            var video = k < _globalPerChart
                ? (hour / 6 + k) % _globalPool
                : _globalPool + (int)(((long)region * 463 + (long)hour * TurnoverPerHour + k - _globalPerChart) % regionalPool);
            // 37 is coprime with 200: a permutation of the ranks that differs per region and hour.
            videoByRank[(k * 37 + region * 11 + hour * 3) % ChartLength] = video;
        }
    }
}
