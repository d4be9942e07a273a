namespace TrendVault.Gateway.Contracts;

/// <summary>A silo of the cluster and what its spool holds (null until the silo has reported it).</summary>
public sealed record SiloInfo(string Address, string Status, HeldInfo? Held);
