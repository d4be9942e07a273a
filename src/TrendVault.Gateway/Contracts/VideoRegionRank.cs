namespace TrendVault.Gateway.Contracts;

public sealed record VideoRegionRank(string Region, int BestRank, DateTimeOffset LastTrendedAt);
