using System.Globalization;
using System.Text;

namespace TrendVault.Grains.Tests;

/// <summary>What a budget simulation observed, per bucket and per Pacific quota day.</summary>
public sealed class SimulationReport
{
    private readonly SortedDictionary<int, (long Refreshed, long Tracked)> _byPacificHour = [];

    public List<(DateOnly Day, long Units, int Hours)> Days { get; } = [];

    public int ChartBuckets { get; set; }

    public int ChartBucketsCollected { get; set; }

    /// <summary>Every chart run that did not collect, so a failure names the bucket and the reason.</summary>
    public List<string> ChartBucketsMissed { get; } = [];

    /// <summary>The longest any hour's collection of every region took, wall clock.</summary>
    public TimeSpan SlowestCollection { get; set; }

    public int RefreshesSkipped { get; set; }

    public int MaxLevel { get; set; }

    public long Refreshed => _byPacificHour.Values.Sum(h => h.Refreshed);

    public long Tracked => _byPacificHour.Values.Sum(h => h.Tracked);

    public void AddRefresh(int pacificHour, int refreshed, int tracked)
    {
        var (r, t) = _byPacificHour.GetValueOrDefault(pacificHour);
        _byPacificHour[pacificHour] = (r + refreshed, t + tracked);
    }

    /// <summary>Refreshed ÷ tracked per hour of the Pacific day, over all simulated days.</summary>
    public IReadOnlyDictionary<int, double> CoverageByHour =>
        _byPacificHour.ToDictionary(h => h.Key, h => h.Value.Tracked == 0 ? 1.0 : (double)h.Value.Refreshed / h.Value.Tracked);

    public string Format(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {ChartBucketsCollected}/{ChartBuckets} chart buckets collected, " +
            $"{Refreshed:N0} of {Tracked:N0} tracked-video refreshes ({(double)Refreshed / Math.Max(1, Tracked):P1}), {RefreshesSkipped} skipped tracker runs, highest pacing level {MaxLevel}");
        foreach (var missed in ChartBucketsMissed)
        {
            text.AppendLine("Not collected: " + missed);
        }
        text.AppendLine("Units per Pacific day: " + string.Join(", ", Days.Select(d => $"{d.Day:MM-dd} {d.Units:N0} ({d.Hours} h)")));
        text.AppendLine("Refresh coverage by Pacific hour: " + string.Join(" ", CoverageByHour.Select(h => $"{h.Key:D2}:{h.Value * 100:F0}%")));
        return text.ToString();
    }
}
