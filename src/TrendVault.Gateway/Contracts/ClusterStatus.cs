namespace TrendVault.Gateway.Contracts;

/// <summary>What the cluster is doing: silos, active regions, API budget, recent runs, broken chart items and where data comes from.</summary>
public sealed record ClusterStatus(
    IReadOnlyList<SiloInfo> Silos,
    IReadOnlyList<string> ActiveRegions,
    QuotaInfo Quota,
    TrackingInfo Tracking,
    IReadOnlyList<RunRecord> LastRuns,
    RetentionInfo Retention,
    string DataSource,
    BrokenItemsInfo? BrokenItems);
