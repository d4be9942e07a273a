namespace TrendVault.Storage.Connections;

/// <summary>The server's connection limit beside what the configured cluster needs.</summary>
public sealed record ConnectionBudgetReport(
    int MaxConnections, int Reserved, int Required, int ExpectedSilos, int SiloPoolSize, int GatewayPoolSize)
{
    /// <summary>Connections ordinary (non-superuser) roles may open.</summary>
    public int Available => MaxConnections - Reserved;

    public bool Fits => Required <= Available;
}
