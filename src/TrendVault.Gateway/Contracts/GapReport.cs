namespace TrendVault.Gateway.Contracts;

/// <summary>The buckets of a range without a successful collection, each with the reason.</summary>
public sealed record GapReport(string Region, DateTimeOffset From, DateTimeOffset To, TimeSpan BucketSize, int Buckets, IReadOnlyList<Gap> Gaps);
