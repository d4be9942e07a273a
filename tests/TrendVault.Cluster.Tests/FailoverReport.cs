using System.Text;

namespace TrendVault.Cluster.Tests;

/// <summary>The figures a failover test measured: written to the test output, and repeated in failure messages.</summary>
public sealed class FailoverReport(ITestOutputHelper output, ProcessCluster cluster)
{
    private readonly StringBuilder _text = new();

    public void Line(string text)
    {
        output.WriteLine(text);
        _text.AppendLine(text);
    }

    /// <param name="stoppedSilo">The silo the test stopped, if it stopped one.</param>
    public void Resumptions(IReadOnlyList<RegionResumption> resumptions, string? stoppedSilo = null)
    {
        var period = cluster.Settings.TickPeriod;
        Line("Reminder ticks around the disruption:");
        foreach (var resumption in resumptions)
        {
            var kind = resumption.LastBefore?.Silo == stoppedSilo && stoppedSilo is not null ? "grain moved off the stopped silo"
                : resumption.Gap > period * 1.5 ? "grain stayed, ticks paused: its reminder changed owner"
                : "unaffected";
            Line($"  {resumption} — {kind}");
        }
        var slowest = resumptions.Where(r => r.ResumedAfter is not null).MaxBy(r => r.ResumedAfter);
        Line(slowest is null
            ? "No region ticked again."
            : $"Every region ticked again within {slowest.ResumedAfter!.Value.TotalSeconds:F1} s of the disruption (slowest: {slowest.Region}); " +
              $"longest gap between ticks {resumptions.Max(r => r.Gap ?? TimeSpan.Zero).TotalSeconds:F1} s (tick period {cluster.Settings.TickPeriod.TotalSeconds:F0} s).");
    }

    public void Runs(string title, IReadOnlyList<RunRow> runs)
    {
        Line(runs.Count == 0 ? $"{title}: none." : $"{title}:");
        foreach (var run in runs)
        {
            Line("  " + run);
        }
    }

    /// <summary>The silos' log lines that contain any of <paramref name="markers"/> (failed attempts, writer retries, …), reported and returned.</summary>
    /// <param name="after">Only lines logged at or after this time; null for all.</param>
    public IReadOnlyList<string> Failures(string title, DateTimeOffset? after, params string[] markers)
    {
        var lines = cluster.Silos
            .SelectMany(silo => silo.Lines.Where(l => l.At >= (after ?? DateTimeOffset.MinValue) && markers.Any(m => l.Text.Contains(m, StringComparison.Ordinal))).Select(l => (silo.Name, l)))
            .OrderBy(e => e.l.At)
            .Select(e => $"{e.Name} {e.l.At:HH:mm:ss.fff} {Shorten(e.l.Text)}")
            .ToList();
        Line(lines.Count == 0 ? $"{title}: none." : $"{title} ({lines.Count}):");
        foreach (var line in lines)
        {
            Line("  " + line);
        }
        return lines;
    }

    public void Gateway(GatewayPoller poller)
    {
        Line("Gateway while it happened:");
        foreach (var line in poller.Summary().Split(Environment.NewLine))
        {
            Line("  " + line);
        }
    }

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..240] + "…";

    public override string ToString() => Environment.NewLine + _text + cluster.Diagnostics();
}
