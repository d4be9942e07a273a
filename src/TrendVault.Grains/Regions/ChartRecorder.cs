using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrendVault.Model;
using TrendVault.Storage.Collection;
using TrendVault.Storage.Spool;
using TrendVault.YouTube;

namespace TrendVault.Grains.Regions;

/// <summary>
/// Per silo: stores a fetched chart — every video's snapshot through its grain, then the ranks and the
/// succeeded mark — or, when that fails (the database is away), holds the chart in the silo's spool,
/// because the chart of a bucket cannot be fetched again once the bucket is over.
/// </summary>
public sealed partial class ChartRecorder(
    IGrainFactory grains,
    ChartSightings sightings,
    CollectionRunStore runs,
    ChartSpool spool,
    ILocalSiloDetails silo,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<ChartRecorder> logger)
{
    public async Task<CollectionResult> StoreAsync(string region, DateTimeOffset bucket, MostPopularChart chart, int apiCalls, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        try
        {
            // Fan out to every video at once; each call returns when its snapshot is committed. A call shared
            // with another region must not be cancelled by this one's deadline, so each waits with its own.
            await Task.WhenAll(chart.Entries.Select(entry =>
            {
                var video = entry.Video;
                return sightings.RecordAsync(video.Metadata.YouTubeId, bucket, () =>
                    grains.GetGrain<IVideoGrain>(video.Metadata.YouTubeId).RecordAsync(video, bucket, onChart: true, CancellationToken.None))
                    .WaitAsync(cancellationToken);
            }));
            var entries = chart.Entries.Select(e => new TrendingEntry(e.Rank, e.Video.Metadata.YouTubeId)).ToList();
            await runs.CompleteAsync(region, bucket, entries, apiCalls, chart.Broken, clock.GetUtcNow(), cancellationToken);
            return new CollectionResult(region, bucket, CollectionOutcome.Collected, entries.Count, apiCalls, null, chart.Broken.Repaired, chart.Broken.Skipped);
        }
        catch (Exception exception)
        {
            var held = new HeldChart(region, bucket, fetchedAt, apiCalls, chart.Entries.Select(e => new HeldEntry(e.Rank, e.Video)).ToList(), chart.Broken);
            if (!await spool.HoldAsync(held, CancellationToken.None))
            {
                return new CollectionResult(region, bucket, CollectionOutcome.Failed, 0, apiCalls, $"could not be stored ({exception.Message}) and the spool is full: the chart was dropped");
            }
            LogHeld(region, bucket, held.Entries.Count, spool.Folder, exception.Message);
            return new CollectionResult(region, bucket, CollectionOutcome.Held, held.Entries.Count, apiCalls,
                $"held in the spool of silo {silo.SiloAddress} until the database takes it: {exception.Message}", chart.Broken.Repaired, chart.Broken.Skipped);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} bucket {Bucket:o}: {Videos} videos held in {Spool} until the database takes them: {Reason}")]
    private partial void LogHeld(string region, DateTimeOffset bucket, int videos, string spool, string reason);
}
