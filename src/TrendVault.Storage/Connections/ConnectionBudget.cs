using Npgsql;

namespace TrendVault.Storage.Connections;

/// <summary>
/// The connection rule: silos × silo pool + gateway pool + migrator ≤ max_connections − reserve.
/// A process budget is split between its two Npgsql pools: the Orleans ADO.NET providers (grain
/// storage, reminders and clustering share one pool, since they use one connection string) and the
/// process's own data source (snapshot writer, stores, gateway queries).
/// </summary>
public static class ConnectionBudget
{
    /// <summary>The migrator applies one script at a time; DbUp may briefly hold a second connection.</summary>
    public const int MigratorPoolSize = 2;

    /// <summary>The Orleans providers' share of a process budget: a quarter, at least two.</summary>
    public static int OrleansPoolSize(int processPoolSize) => Math.Max(2, processPoolSize / 4);

    /// <summary>What is left of a process budget for its own data source.</summary>
    public static int DataSourcePoolSize(int processPoolSize) => processPoolSize - OrleansPoolSize(processPoolSize);

    /// <summary>Connections the configured cluster needs when every pool is full.</summary>
    public static int Required(ConnectionBudgetOptions options) =>
        options.ExpectedSilos * options.SiloPoolSize + options.GatewayPoolSize + MigratorPoolSize;

    /// <summary>The connection string with its pool capped at <paramref name="maxPoolSize"/>.</summary>
    public static string WithPoolSize(string connectionString, int maxPoolSize) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize }.ConnectionString;

    /// <summary>Compares the rule with what the server allows ordinary roles.</summary>
    public static ConnectionBudgetReport Evaluate(ConnectionBudgetOptions options, int maxConnections, int reserved) =>
        new(maxConnections, reserved, Required(options), options.ExpectedSilos, options.SiloPoolSize, options.GatewayPoolSize);
}
