using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage;
using TrendVault.Storage.Collection;
using TrendVault.Storage.Snapshots;
using TrendVault.Storage.Spool;
using TrendVault.Storage.Tracking;

namespace TrendVault.Grains.Regions;

/// <summary>
/// Per silo: writes held charts to the database once it is back, oldest bucket first, each exactly as a
/// collection on time would have (snapshots, then ranks and the succeeded mark), and marks collection and
/// refresh runs that were left 'running' as failed. Everything it writes is idempotent on (video, bucket) and
/// (region, bucket), so a chart replayed twice, or also collected live, adds nothing.
/// </summary>
public sealed partial class HeldChartReplayer(
    ChartSpool spool,
    ISnapshotWriter writer,
    CollectionRunStore runs,
    TrackingStore refreshRuns,
    IOptions<SpoolOptions> spoolOptions,
    IOptions<CollectionOptions> collectionOptions,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<HeldChartReplayer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = spoolOptions.Value;
        var delay = settings.ReplayPeriod;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReplayHeldAsync(stoppingToken);
                await AbandonStaleRunsAsync(stoppingToken);
                delay = settings.ReplayPeriod;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is still away: the charts stay held, and the next try comes later.
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxReplayDelay.Ticks));
                LogStillHeld(spool.Held().Count, delay, exception.Message);
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Replays every held chart this silo can take; a failure stops the round so the order is kept.</summary>
    public async Task<int> ReplayHeldAsync(CancellationToken cancellationToken = default)
    {
        var replayed = 0;
        foreach (var file in spool.Held())
        {
            using var lease = spool.TryTake(file);
            if (lease is null || await lease.ReadAsync(cancellationToken) is not { } chart)
            {
                continue;
            }
            await StoreAsync(chart, cancellationToken);
            lease.Complete(chart);
            replayed++;
        }
        return replayed;
    }

    private async Task StoreAsync(HeldChart chart, CancellationToken cancellationToken)
    {
        if (!await runs.StartAsync(chart.Region, chart.Bucket, clock.GetUtcNow(), cancellationToken))
        {
            // Already succeeded: the live collection got there first.
            return;
        }
        await Task.WhenAll(chart.Entries.Select(entry => WriteSnapshotAsync(chart, entry, cancellationToken)));
        var ranks = chart.Entries.Select(entry => new TrendingEntry(entry.Rank, entry.Video.Metadata.YouTubeId)).ToList();
        await runs.CompleteAsync(chart.Region, chart.Bucket, ranks, chart.ApiCalls, chart.Broken ?? BrokenItems.None, clock.GetUtcNow(), cancellationToken);
    }

    private async Task WriteSnapshotAsync(HeldChart chart, HeldEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(new SnapshotRecord(entry.Video.Metadata, entry.Video.Statistics, chart.Bucket, chart.FetchedAt), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !DatabaseOutage.Is(exception))
        {
            // A record the database refuses costs only itself (its rank is then left out); an outage ends the round.
            LogSnapshotRefused(exception, entry.Video.Metadata.YouTubeId, chart.Region, chart.Bucket);
        }
    }

    private async Task AbandonStaleRunsAsync(CancellationToken cancellationToken)
    {
        // An attempt is cancelled after AttemptTimeout: a run 'running' for twice that long has no attempt left.
        var now = clock.GetUtcNow();
        var abandoned = await runs.AbandonStaleAsync(now - 2 * collectionOptions.Value.AttemptTimeout, now, cancellationToken);
        // A refresh runs within its bucket (its calls time out like a collection's): one started a bucket ago has ended.
        abandoned += await refreshRuns.AbandonStaleRunsAsync(now - collectionOptions.Value.BucketSize - 2 * collectionOptions.Value.AttemptTimeout, now, cancellationToken);
        if (abandoned > 0)
        {
            LogAbandoned(abandoned);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Held} held chart(s) wait for the database; next try in {Delay}: {Reason}")]
    private partial void LogStillHeld(int held, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot of {VideoId} in the held chart of {Region} bucket {Bucket:o} was refused by the database; skipped")]
    private partial void LogSnapshotRefused(Exception exception, string videoId, string region, DateTimeOffset bucket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} collection or refresh run(s) left 'running' by an attempt that never finished marked failed")]
    private partial void LogAbandoned(int count);
}
