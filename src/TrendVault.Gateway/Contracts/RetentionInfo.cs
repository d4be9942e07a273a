namespace TrendVault.Gateway.Contracts;

/// <summary>How long data is kept (null days: for ever) and the oldest chart bucket still stored.</summary>
public sealed record RetentionInfo(int? Days, DateTimeOffset? OldestChart);
