using Microsoft.Extensions.Configuration;

namespace TrendVault.Storage.Connections;

/// <summary>
/// The "Database" section: how many PostgreSQL connections each process may hold, and how many silos
/// the server must hold at once. Every process of a cluster should be given the same values.
/// </summary>
public sealed class ConnectionBudgetOptions
{
    public const string Section = "Database";

    /// <summary>The smallest process budget: two connections for the Orleans providers, two for the rest.</summary>
    public const int MinimumPoolSize = 4;

    /// <summary>
    /// Connections one silo may hold: its snapshot writer and stores, grain storage, reminders and
    /// clustering together (Npgsql's default of 100 per pool exhausted a 100-connection server at 3 silos).
    /// </summary>
    public int SiloPoolSize { get; set; } = 20;

    /// <summary>Connections the gateway may hold: its queries and the Orleans client's membership reads.</summary>
    public int GatewayPoolSize { get; set; } = 10;

    /// <summary>Silos expected at once, for the start-up check; a silo on its way out still holds connections.</summary>
    public int ExpectedSilos { get; set; } = 1;

    public static ConnectionBudgetOptions FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ConnectionBudgetOptions>() ?? new ConnectionBudgetOptions();
}
