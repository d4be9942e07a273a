using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using TrendVault.Storage;

namespace TrendVault.Gateway.Health;

public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    // A server that does not answer at all must not hold the probe for the connection's own 15 s timeout.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (exception is NpgsqlException || DatabaseOutage.Is(exception))
        {
            // The driver's message names the failure (refused, starting up, timed out), never the password.
            return HealthCheckResult.Unhealthy($"PostgreSQL is not reachable: {exception.Message}");
        }
    }
}
