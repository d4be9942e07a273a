namespace TrendVault.Gateway.Contracts;

/// <summary>
/// Status is "missing" (no attempt), "failed", "skipped" (quota governor), "noChart" or "running". At daily
/// resolution Bucket is the day's start, Status what the day's latest run did and Attempts those of all its runs.
/// </summary>
public sealed record Gap(DateTimeOffset Bucket, string Status, int Attempts, string? Reason);
