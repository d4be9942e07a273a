using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TrendVault.Storage.Connections;

/// <summary>
/// At start, reads the server's max_connections and warns when the configured cluster's pools
/// cannot all be full at once. Only warns: a silo that cannot check still starts.
/// </summary>
public sealed partial class ConnectionBudgetCheck(
    NpgsqlDataSource dataSource,
    IOptions<ConnectionBudgetOptions> options,
    ILogger<ConnectionBudgetCheck> logger) : IHostedService
{
    // reserved_connections exists from PostgreSQL 16 on; missing_ok gives NULL before that.
    private const string LimitsSql = """
        SELECT current_setting('max_connections')::int,
               current_setting('superuser_reserved_connections')::int
               + coalesce(current_setting('reserved_connections', true)::int, 0)
        """;

    public async Task<ConnectionBudgetReport> CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LimitsSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var report = ConnectionBudget.Evaluate(options.Value, reader.GetInt32(0), reader.GetInt32(1));
        if (report.Fits)
        {
            LogFits(logger, report.Required, report.ExpectedSilos, report.SiloPoolSize, report.GatewayPoolSize, report.MaxConnections, report.Reserved);
        }
        else
        {
            LogTooSmall(logger, report.Required, report.ExpectedSilos, report.SiloPoolSize, report.GatewayPoolSize, report.MaxConnections, report.Reserved);
        }
        return report;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogUnchecked(logger, exception.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Connection budget: {Required} connections ({ExpectedSilos} silo(s) × {SiloPoolSize} + gateway {GatewayPoolSize} + migrator) fit max_connections {MaxConnections} less {Reserved} reserved")]
    private static partial void LogFits(ILogger logger, int required, int expectedSilos, int siloPoolSize, int gatewayPoolSize, int maxConnections, int reserved);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Connection budget exceeded: {Required} connections ({ExpectedSilos} silo(s) × {SiloPoolSize} + gateway {GatewayPoolSize} + migrator) but max_connections {MaxConnections} less {Reserved} reserved; lower Database__SiloPoolSize or raise max_connections, or PostgreSQL will refuse connections under load")]
    private static partial void LogTooSmall(ILogger logger, int required, int expectedSilos, int siloPoolSize, int gatewayPoolSize, int maxConnections, int reserved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection budget not checked: {Reason}")]
    private static partial void LogUnchecked(ILogger logger, string reason);
}
