namespace TrendVault.Gateway.Contracts;

public sealed record RunRecord(string Region, DateTimeOffset Bucket, string Status, int Attempts, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Videos, int ApiCalls, string? Error);
