namespace TrendVault.Gateway.Contracts;

public sealed record RegionActivation(string Region, bool Active);
