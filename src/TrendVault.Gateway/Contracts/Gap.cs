namespace TrendVault.Gateway.Contracts;

/// <summary>Status is "missing" (no attempt), "failed", "skipped" (quota governor), "noChart" or "running".</summary>
public sealed record Gap(DateTimeOffset Bucket, string Status, int Attempts, string? Reason);
