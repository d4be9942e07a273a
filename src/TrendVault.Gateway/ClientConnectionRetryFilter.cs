namespace TrendVault.Gateway;

/// <summary>Keeps trying to reach the cluster at start, so the gateway may start before the silos.</summary>
public sealed partial class ClientConnectionRetryFilter(ILogger<ClientConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetry(exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet, retrying in 2 s: {Reason}")]
    private partial void LogRetry(string reason);
}
