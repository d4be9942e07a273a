using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TrendVault.Storage.Migrations;

/// <summary>
/// Applies the embedded sql/ scripts in name order, each in its own transaction, recording what
/// ran in schemaversions so a re-run applies only what is new.
/// </summary>
public static partial class DatabaseMigrator
{
    /// <summary>
    /// What a command that owns the schema runs first (the migrator, the importer): apply sql/, then grant the
    /// silo and gateway roles named in DB_SILO_USER and DB_GATEWAY_USER their rights on what it added.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAndGrantAsync(string connectionString, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var applied = Apply(connectionString, logger);
        // Compose gives the silos and the gateway roles of their own; bare-metal runs may share this one.
        await DatabaseGrants.ApplyAsync(connectionString, configuration["DB_SILO_USER"], configuration["DB_GATEWAY_USER"], logger, cancellationToken);
        return applied;
    }

    public static IReadOnlyList<string> Apply(string connectionString, ILogger logger)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            LogFailed(logger, result.ErrorScript?.Name, result.Error);
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }
        var applied = result.Scripts.Select(s => s.Name).ToList();
        LogApplied(logger, applied.Count, string.Join(", ", applied));
        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s): {Scripts}")]
    private static partial void LogApplied(ILogger logger, int count, string scripts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration {Script} failed")]
    private static partial void LogFailed(ILogger logger, string? script, Exception exception);
}
