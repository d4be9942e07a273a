namespace TrendVault.Gateway.Contracts;

public sealed record SiloInfo(string Address, string Status);
