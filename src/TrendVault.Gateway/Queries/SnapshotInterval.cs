namespace TrendVault.Gateway.Queries;

public enum SnapshotInterval
{
    /// <summary>Every stored snapshot.</summary>
    Hour,
    /// <summary>The last snapshot of each UTC day.</summary>
    Day,
}
