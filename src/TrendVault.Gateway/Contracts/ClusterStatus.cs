namespace TrendVault.Gateway.Contracts;

/// <summary>
/// What the cluster is doing: silos, active regions, API budget, recent runs, broken chart items, where data
/// comes from, whether the database answers and what the silos hold until it does. While the database is
/// away, what is read from it is null (not empty: unknown), the silos come from their spool reports, and the
/// quota is null too unless its grain is already active.
/// </summary>
public sealed record ClusterStatus(
    IReadOnlyList<SiloInfo> Silos,
    IReadOnlyList<string>? ActiveRegions,
    QuotaInfo? Quota,
    TrackingInfo? Tracking,
    IReadOnlyList<RunRecord>? LastRuns,
    RetentionInfo? Retention,
    string DataSource,
    BrokenItemsInfo? BrokenItems,
    DatabaseInfo Database,
    HeldInfo Held);
