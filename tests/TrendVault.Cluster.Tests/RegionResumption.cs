namespace TrendVault.Cluster.Tests;

/// <summary>A region's last reminder tick before a disruption and its first one after.</summary>
public sealed record RegionResumption(string Region, ReminderTick? LastBefore, ReminderTick? FirstAfter, DateTimeOffset DisruptedAt)
{
    /// <summary>From the disruption to the first tick after it.</summary>
    public TimeSpan? ResumedAfter => FirstAfter?.At - DisruptedAt;

    /// <summary>Between the ticks either side of the disruption.</summary>
    public TimeSpan? Gap => FirstAfter?.At - LastBefore?.At;

    public override string ToString() =>
        $"{Region}: last tick {LastBefore?.At:HH:mm:ss.fff} on {LastBefore?.Silo ?? "-"}, next {FirstAfter?.At:HH:mm:ss.fff} on {FirstAfter?.Silo ?? "-"}" +
        (ResumedAfter is { } resumed ? $" ({resumed.TotalSeconds:F1} s after the disruption, gap {Gap?.TotalSeconds:F1} s)" : " (no tick since)");
}
