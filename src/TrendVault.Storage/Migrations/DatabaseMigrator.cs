using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace TrendVault.Storage.Migrations;

/// <summary>
/// Applies the embedded sql/ scripts in name order, each in its own transaction, recording what
/// ran in schemaversions so a re-run applies only what is new.
/// </summary>
public static partial class DatabaseMigrator
{
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
