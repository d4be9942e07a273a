namespace TrendVault.Grains.Compaction;

/// <summary>The "Compaction" section.</summary>
public sealed class CompactionOptions
{
    /// <summary>How long snapshots stay one row each before their day is compacted.</summary>
    public TimeSpan HotWindow { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);
}
