using Microsoft.Extensions.Logging;
using Npgsql;

namespace TrendVault.Storage.Migrations;

/// <summary>
/// Least privilege after a migration: the migrating role owns the schema; the silos' role may read and
/// write rows (the Orleans tables included) but not change the schema; the gateway's role may only read.
/// Granted again on every run, so tables added by new scripts are covered. The roles themselves are
/// created by whoever administers the server (compose: docker/postgres-init/).
/// </summary>
public static partial class DatabaseGrants
{
    private static readonly string[] SiloGrants =
    [
        "GRANT USAGE ON SCHEMA public TO {0}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {0}",
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {0}",
        // The migration journal belongs to the migrator alone.
        "REVOKE ALL ON schemaversions FROM {0}",
    ];

    private static readonly string[] GatewayGrants =
    [
        "GRANT USAGE ON SCHEMA public TO {0}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {0}",
        "REVOKE ALL ON schemaversions FROM {0}",
    ];

    /// <summary>Grants to the roles that are named (null or empty: that process shares the migrator's role).</summary>
    public static async Task ApplyAsync(string connectionString, string? siloRole, string? gatewayRole, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (role, grants) in new[] { (siloRole, SiloGrants), (gatewayRole, GatewayGrants) })
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                continue;
            }
            var quoted = await QuoteAsync(connection, role, cancellationToken);
            foreach (var grant in grants)
            {
                await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, grant, quoted), connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            LogGranted(logger, role, grants == SiloGrants ? "read-write" : "read-only");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    // Role names come from configuration: the server quotes them, so no name can inject SQL.
    private static async Task<string> QuoteAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT quote_ident($1)", connection) { Parameters = { new() { Value = role } } };
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted {Role} {Access} access to the schema")]
    private static partial void LogGranted(ILogger logger, string role, string access);
}
