using Microsoft.Extensions.Hosting;

namespace TrendVault.Grains.Hosting;

public static class HostLifetimeExtensions
{
    /// <summary>Completes once the host has started: grain calls made before the silo is active only fail.</summary>
    public static async Task WaitForStartAsync(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken);
        }
    }
}
