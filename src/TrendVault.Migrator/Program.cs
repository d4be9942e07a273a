using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendVault.Storage;
using TrendVault.Storage.Connections;
using TrendVault.Storage.Migrations;

// One-shot: applies sql/ to the configured database, grants the silo and gateway roles their rights,
// and exits (non-zero on failure).
var builder = Host.CreateApplicationBuilder(args);
using var host = builder.Build();
var logger = host.Services.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory
    ? factory.CreateLogger("TrendVault.Migrator")
    : throw new InvalidOperationException("No logging configured.");
var connectionString = ConnectionBudget.WithPoolSize(PostgresConnection.FromConfiguration(builder.Configuration), ConnectionBudget.MigratorPoolSize);
logger.LogInformation("Migrating {Database}", PostgresConnection.Redact(connectionString));
try
{
    await DatabaseMigrator.ApplyAndGrantAsync(connectionString, builder.Configuration, logger, CancellationToken.None);
    return 0;
}
catch (Exception exception)
{
    logger.LogError(exception, "Migration failed");
    return 1;
}
