using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrendVault.Grains.Hosting;

namespace TrendVault.Silo;

/// <summary>Ready once the silo's start-up work is done (<see cref="StartupProgress"/>); until then it may still be waiting for the database or the API.</summary>
public sealed class StartupHealthCheck(StartupProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(progress.Completed
            ? HealthCheckResult.Healthy("The catalog is loaded and the configured regions are active.")
            : HealthCheckResult.Unhealthy("Still loading the catalog and activating the configured regions."));
}
