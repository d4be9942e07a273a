namespace TrendVault.Cluster.Tests;

/// <summary>A collection_runs row.</summary>
public sealed record RunRow(string Region, DateTimeOffset Bucket, string Status, int Attempts, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Videos)
{
    public override string ToString() =>
        $"{Region} {Bucket:HH:mm:ss} {Status} (attempts {Attempts}, started +{(StartedAt - Bucket).TotalSeconds:F1} s{(FinishedAt is { } f ? $", finished +{(f - Bucket).TotalSeconds:F1} s" : "")}, {Videos} videos)";
}
