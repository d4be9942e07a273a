namespace TrendVault.Cluster.Tests;

/// <summary>
/// Region reminder ticks in time order, as the silos' meters counted them (<see cref="TickRecorder"/>):
/// which silo delivered each region's ticks and how long they paused.
/// </summary>
public sealed class ReminderTimeline(IReadOnlyList<ReminderTick> ticks)
{
    /// <summary>Ticks received by region grains, on the silo of the grain's activation.</summary>
    public IReadOnlyList<ReminderTick> Ticks { get; } = ticks;

    /// <summary>The silo that delivered the region's last tick at or before <paramref name="time"/>.</summary>
    public string? SiloOf(string region, DateTimeOffset time) =>
        Ticks.LastOrDefault(t => t.Region == region && t.At <= time)?.Silo;

    /// <param name="stoppedSilo">
    /// A silo stopped at the disruption: all its ticks count as before it (one shutting down gracefully keeps
    /// ticking until it has handed its grains over), and the first tick after is another silo's.
    /// </param>
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
}
