namespace TrendVault.Gateway.Contracts;

/// <summary>The last collection attempt of a region.</summary>
public sealed record RunStatus(DateTimeOffset Bucket, string Outcome, string? Error, int Videos);
