namespace TrendVault.Bench.Storage;

/// <summary>
/// A deterministic year shaped like real trending data (issue 12): every region's 200-rank chart turns
/// over by 20–40 new videos a day, each replacing a random entry, so a video stays on a chart for days
/// (about a week on average, some for hours, a few for a month or more). A few new videos a day are
/// global hits that enter 3 to all regions' charts; the rest are regional and enter one. A video is
/// snapshotted hourly from its first chart hour until 7 days after it left its last chart. Rank 1's
/// video of the first region never leaves, so one video has a whole year of hourly snapshots.
/// Counters follow <see cref="SyntheticYear"/>'s curves from the video's first hour; some hide likes or
/// comments, and one in a thousand has more than 2^31 views.
/// </summary>
public sealed class RealisticYear
{
    public const int ChartLength = 200;
    public const int TrackingHours = 7 * 24;

    private const int MinNewPerRegionDay = 20;
    private const int MaxNewPerRegionDay = 40;
    private const int MinGlobalPerDay = 4;
    private const int MaxGlobalPerDay = 8;

    private readonly int[] _firstHour;
    private readonly int[] _lastChartHour;
    private readonly (int Hour, int Slot, int Video)[][] _arrivals;
    private readonly long[] _baseViews;
    private readonly double[] _scale;
    private readonly double[] _decayHours;
    private readonly double[] _phase;
    private readonly int[] _likeDivisor;
    private readonly int[] _commentDivisor;

    public RealisticYear(int hours, IReadOnlyList<string> regions, DateTimeOffset lastBucket, int seed = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 24);
        Hours = hours;
        Regions = regions;
        Start = lastBucket.AddHours(-(hours - 1));
        var (firstHour, lastChartHour, arrivals) = Simulate(new Random(seed));

        // Database ids are given in first-seen order, as production assigns them: number the videos so.
        var order = Enumerable.Range(0, firstHour.Count).OrderBy(v => firstHour[v]).ThenBy(v => v).ToArray();
        var number = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            number[order[i]] = i;
        }
        _firstHour = order.Select(v => firstHour[v]).ToArray();
        _lastChartHour = order.Select(v => lastChartHour[v]).ToArray();
        _arrivals = arrivals.Select(list => list.Select(a => (a.Hour, a.Slot, number[a.Video])).ToArray()).ToArray();
        ChartArrivals = arrivals.Sum(list => list.Count);

        var videos = _firstHour.Length;
        _baseViews = new long[videos];
        _scale = new double[videos];
        _decayHours = new double[videos];
        _phase = new double[videos];
        _likeDivisor = new int[videos];
        _commentDivisor = new int[videos];
        for (var v = 0; v < videos; v++)
        {
            var random = new Random(seed * 1_000_003 + v);
            var huge = v % 1000 == 0;
            _baseViews[v] = huge ? random.NextInt64(3_000_000_000, 9_000_000_000) : random.Next(1_000, 2_000_000);
            var viewsPerHour = huge ? random.Next(20_000, 200_000) : random.Next(500, 150_000);
            _decayHours[v] = random.Next(24, 24 * 30);
            _scale[v] = viewsPerHour * _decayHours[v];
            _phase[v] = random.NextDouble() * 2 * Math.PI;
            _likeDivisor[v] = v % 17 == 5 ? 0 : random.Next(15, 80);
            _commentDivisor[v] = v % 19 == 7 ? 0 : random.Next(100, 1000);
        }
    }

    /// <summary>Distinct videos that were on a chart during the year.</summary>
    public int Videos => _firstHour.Length;

    public int Hours { get; }

    public IReadOnlyList<string> Regions { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset LastBucket => Start.AddHours(Hours - 1);

    /// <summary>Times a video entered a chart: one per video and region it trended in.</summary>
    public int ChartArrivals { get; }

    public long ChartEntries => (long)Regions.Count * Hours * ChartLength;

    /// <summary>The video on the first region's chart all year long.</summary>
    public static int EvergreenVideo => 0;

    public static string YouTubeId(int video) => $"ry{video:D9}";

    public int FirstHour(int video) => _firstHour[video];

    /// <summary>The last hour the video was on any chart.</summary>
    public int LastChartHour(int video) => _lastChartHour[video];

    /// <summary>The last hour the video is snapshotted: 7 days after it left its last chart, or the year's end.</summary>
    public int LastTrackedHour(int video) => Math.Min(Hours - 1, _lastChartHour[video] + TrackingHours);

    public long Snapshots
    {
        get
        {
            long total = 0;
            for (var v = 0; v < Videos; v++)
            {
                total += LastTrackedHour(v) - _firstHour[v] + 1;
            }
            return total;
        }
    }

    /// <summary>Chart arrivals of region number <paramref name="region"/> in hour order: from that hour on, the slot holds the video.</summary>
    public IReadOnlyList<(int Hour, int Slot, int Video)> Arrivals(int region) => _arrivals[region];

    /// <summary>The rank (1–200) of chart slot <paramref name="slot"/>: a permutation of the slots that drifts every 6 hours.</summary>
    public static short Rank(int region, int hour, int slot)
    {
        int Natural(int s) => (s * 37 + region * 11 + hour / 6 * 3) % ChartLength;
        if (region != 0)
        {
            return (short)(1 + Natural(slot));
        }
        // The first region's slot 0 (the evergreen video) keeps rank 1; the slot that would have it takes slot 0's.
        return slot == 0 ? (short)1 : (short)(1 + (Natural(slot) == 0 ? Natural(0) : Natural(slot)));
    }

    /// <summary>Counters of <paramref name="video"/> in hour <paramref name="hour"/> of the year; null likes/comments are hidden.</summary>
    public (long Views, long? Likes, long? Comments) Statistics(int video, int hour)
    {
        var age = hour - _firstHour[video];
        var rhythm = age + 6 / Math.PI * (Math.Cos(_phase[video]) - Math.Cos(2 * Math.PI * age / 24 + _phase[video]));
        var views = _baseViews[video] + (long)(_scale[video] * Math.Log(1 + rhythm / _decayHours[video]));
        return (views,
            _likeDivisor[video] == 0 ? null : views / _likeDivisor[video],
            _commentDivisor[video] == 0 ? null : views / _commentDivisor[video]);
    }

    private (List<int> FirstHour, List<int> LastChartHour, List<(int Hour, int Slot, int Video)>[] Arrivals) Simulate(Random random)
    {
        var regions = Regions.Count;
        var firstHour = new List<int>();
        var lastChartHour = new List<int>();
        var arrivals = Enumerable.Range(0, regions).Select(_ => new List<(int Hour, int Slot, int Video)>()).ToArray();
        var slots = new int[regions][];
        var since = new int[regions][];
        int NewVideo(int hour)
        {
            firstHour.Add(hour);
            lastChartHour.Add(hour);
            return firstHour.Count - 1;
        }
        int[] PickRegions() => Enumerable.Range(0, regions).OrderBy(_ => random.Next())
            .Take(random.Next(Math.Min(3, regions), regions + 1)).ToArray();

        // The first hour: full charts, a sixth of each from 40 global hits already trending. The first video
        // made is the first region's rank 1 for the whole year, so it is video 0 after numbering.
        var evergreen = NewVideo(0);
        var globals = Enumerable.Range(0, 40).Select(_ => (Video: NewVideo(0), Regions: PickRegions())).ToArray();
        for (var r = 0; r < regions; r++)
        {
            slots[r] = new int[ChartLength];
            since[r] = new int[ChartLength];
            var shared = globals.Where(g => g.Regions.Contains(r)).Select(g => g.Video).ToArray();
            for (var s = 0; s < ChartLength; s++)
            {
                slots[r][s] = r == 0 && s == 0 ? evergreen : s > 0 && s <= shared.Length ? shared[s - 1] : NewVideo(0);
                arrivals[r].Add((0, s, slots[r][s]));
            }
        }

        for (var day = 0; day * 24 < Hours; day++)
        {
            var dayHours = Math.Min(24, Hours - day * 24);
            var incoming = Enumerable.Range(0, regions).Select(_ => new List<(int Hour, int Video)>()).ToArray();
            var hits = random.Next(MinGlobalPerDay, MaxGlobalPerDay + 1);
            for (var g = 0; g < hits; g++)
            {
                var hour = Math.Max(1, day * 24 + random.Next(dayHours));
                var video = NewVideo(hour);
                // Hits reach regions a few hours apart; the video's first hour is its earliest.
                var reached = PickRegions().Select(r => (Region: r, Hour: Math.Min(day * 24 + dayHours - 1, hour + random.Next(6)))).ToArray();
                firstHour[video] = reached.Min(x => x.Hour);
                lastChartHour[video] = firstHour[video];
                foreach (var (r, at) in reached)
                {
                    incoming[r].Add((at, video));
                }
            }
            for (var r = 0; r < regions; r++)
            {
                var regional = random.Next(MinNewPerRegionDay, MaxNewPerRegionDay + 1) - incoming[r].Count;
                for (var i = 0; i < regional; i++)
                {
                    var hour = Math.Max(1, day * 24 + random.Next(dayHours));
                    incoming[r].Add((hour, NewVideo(hour)));
                }
                foreach (var (hour, video) in incoming[r].OrderBy(a => a.Hour))
                {
                    int slot;
                    do
                    {
                        slot = random.Next(ChartLength);
                    }
                    // The first region's rank 1 never leaves; an entry that arrived this hour is not replaced at once.
                    while ((r == 0 && slot == 0) || since[r][slot] == hour);
                    var leaving = slots[r][slot];
                    lastChartHour[leaving] = Math.Max(lastChartHour[leaving], hour - 1);
                    slots[r][slot] = video;
                    since[r][slot] = hour;
                    arrivals[r].Add((hour, slot, video));
                }
            }
        }
        for (var r = 0; r < regions; r++)
        {
            foreach (var video in slots[r])
            {
                lastChartHour[video] = Hours - 1;
            }
        }
        return (firstHour, lastChartHour, arrivals);
    }
}
