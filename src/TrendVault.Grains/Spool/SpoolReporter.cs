using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendVault.Grains.Hosting;
using TrendVault.Model;
using TrendVault.Storage.Spool;

namespace TrendVault.Grains.Spool;

/// <summary>Posts this silo's spool contents to the cluster's <see cref="ISpoolBoardGrain"/> every <see cref="SpoolReport.Period"/>.</summary>
public sealed partial class SpoolReporter(
    ChartSpool spool,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<SpoolReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WaitForStartAsync(stoppingToken);
        using var timer = new PeriodicTimer(SpoolReport.Period, clock);
        do
        {
            try
            {
                var (charts, bytes) = spool.Contents();
                await grains.GetGrain<ISpoolBoardGrain>(0).PostAsync(
                    new SpoolReport(silo.SiloAddress.ToString(), charts, bytes, clock.GetUtcNow(), spool.Identity), stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogNotPosted(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool report not posted (the status page shows this silo's held data as unknown until one is); trying again next period")]
    private partial void LogNotPosted(Exception exception);
}
