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
    DatabaseMigrator.Apply(connectionString, logger);
    // Compose gives the silos and the gateway roles of their own; bare-metal runs may share this one.
    await DatabaseGrants.ApplyAsync(connectionString, builder.Configuration["DB_SILO_USER"], builder.Configuration["DB_GATEWAY_USER"], logger, CancellationToken.None);
    return 0;
}
catch (Exception exception)
{
    logger.LogError(exception, "Migration failed");
    return 1;
}
