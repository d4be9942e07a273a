namespace TrendVault.Gateway.Contracts;

/// <summary>What the cluster is doing: silos, active regions, recent runs and where data comes from.</summary>
public sealed record ClusterStatus(IReadOnlyList<SiloInfo> Silos, IReadOnlyList<string> ActiveRegions, IReadOnlyList<RunRecord> LastRuns, string DataSource);
