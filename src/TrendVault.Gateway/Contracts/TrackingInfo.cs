namespace TrendVault.Gateway.Contracts;

/// <summary>How many videos are on a chart, tracked off-chart, or gone.</summary>
public sealed record TrackingInfo(long OnChart, long Tracked, long Gone, int Days);
