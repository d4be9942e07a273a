using System.Text.RegularExpressions;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// Every region reminder tick the silos logged (the region grain's Debug line "Region XX reminder tick"),
/// in time order: which silo delivered each region's ticks and how long they paused.
/// </summary>
public sealed partial class ReminderTimeline
{
    private ReminderTimeline(IReadOnlyList<ReminderTick> ticks, IReadOnlyList<ReminderTick> undelivered)
    {
        Ticks = ticks;
        Undelivered = undelivered;
    }

    /// <summary>Ticks received by region grains, on the silo of the grain's activation.</summary>
    public IReadOnlyList<ReminderTick> Ticks { get; }

    /// <summary>
    /// Ticks Orleans' reminder service could not deliver ("Could not deliver reminder tick for [collect, region/XX"),
    /// on the silo that owns the reminder: typically while the grain's activation sits on a dead silo.
    /// </summary>
    public IReadOnlyList<ReminderTick> Undelivered { get; }

    public static ReminderTimeline Read(IEnumerable<ManagedProcess> silos)
    {
        var lines = silos.SelectMany(silo => silo.Lines.Select(line => (line, silo.Name))).ToList();
        return new(Parse(lines, TickLine()), Parse(lines, UndeliveredLine()));
    }

    private static List<ReminderTick> Parse(List<(LogLine Line, string Silo)> lines, Regex pattern) => lines
        .Select(entry => (entry.Line, entry.Silo, match: pattern.Match(entry.Line.Text)))
        .Where(entry => entry.match.Success)
        .Select(entry => new ReminderTick(entry.Line.At, entry.match.Groups[1].Value, entry.Silo))
        .OrderBy(tick => tick.At)
        .ToList();

    /// <summary>The silo that delivered the region's last tick at or before <paramref name="time"/>.</summary>
    public string? SiloOf(string region, DateTimeOffset time) =>
        Ticks.LastOrDefault(t => t.Region == region && t.At <= time)?.Silo;

    /// <param name="stoppedSilo">A silo stopped at the disruption: lines of it read afterwards were written before.</param>
    public IReadOnlyList<RegionResumption> Around(DateTimeOffset disruption, IEnumerable<string> regions, string? stoppedSilo = null) => regions
        .Select(region => new RegionResumption(
            region,
            Ticks.LastOrDefault(t => t.Region == region && (t.At <= disruption || t.Silo == stoppedSilo)),
            Ticks.FirstOrDefault(t => t.Region == region && t.At > disruption && t.Silo != stoppedSilo),
            disruption))
        .ToList();

    /// <summary>The longest time a region went without a tick between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public TimeSpan LongestPause(string region, DateTimeOffset from, DateTimeOffset to)
    {
        var times = Ticks.Where(t => t.Region == region && t.At >= from && t.At <= to).Select(t => t.At).Prepend(from).Append(to).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).Max();
    }

    [GeneratedRegex(@"Region ([A-Z]{2}) reminder tick")]
    private static partial Regex TickLine();

    [GeneratedRegex(@"Could not deliver reminder tick for \[collect, region/([A-Z]{2})")]
    private static partial Regex UndeliveredLine();
}
