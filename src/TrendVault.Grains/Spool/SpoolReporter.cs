using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendVault.Model;
using TrendVault.Storage.Spool;

namespace TrendVault.Grains.Spool;

/// <summary>Posts this silo's spool contents to the cluster's <see cref="ISpoolBoardGrain"/> every <see cref="SpoolReport.Period"/>.</summary>
public sealed partial class SpoolReporter(
    ChartSpool spool,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IHostApplicationLifetime lifetime,
    ILogger<SpoolReporter> logger) : BackgroundService
{
    private readonly TimeProvider _time = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls made before the silo is active only fail.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        using var timer = new PeriodicTimer(SpoolReport.Period, _time);
        do
        {
            try
            {
                var report = new SpoolReport(silo.SiloAddress.ToString(), spool.Held().Count, spool.HeldBytes(), _time.GetUtcNow(), spool.Identity());
                await grains.GetGrain<ISpoolBoardGrain>(0).PostAsync(report, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogNotPosted(exception);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Spool report not posted; the next one follows in the next period")]
    private partial void LogNotPosted(Exception exception);
}
