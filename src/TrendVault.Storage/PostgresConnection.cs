using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TrendVault.Storage;

/// <summary>
/// Resolves the PostgreSQL connection string: ConnectionStrings:Postgres when set, otherwise the
/// DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD variables.
/// </summary>
public static class PostgresConnection
{
    public static string FromConfiguration(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Postgres") is { Length: > 0 } connectionString)
        {
            return connectionString;
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = configuration["DB_HOST"] ?? "127.0.0.1",
            Port = configuration["DB_PORT"] is not { Length: > 0 } rawPort ? 5432
                : int.TryParse(rawPort, out var port) && port is > 0 and < 65536 ? port
                : throw new InvalidOperationException($"DB_PORT '{rawPort}' is not a TCP port."),
            Database = configuration["DB_NAME"] ?? "trendvault",
            Username = configuration["DB_USER"] ?? "trendvault",
        };
        if (configuration["DB_PASSWORD"] is { Length: > 0 } password)
        {
            builder.Password = password;
        }
        return builder.ConnectionString;
    }

    /// <summary>The connection string with any password removed, for logs.</summary>
    public static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
        return builder.ConnectionString;
    }
}
