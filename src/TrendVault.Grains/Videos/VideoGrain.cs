using TrendVault.Model;
using TrendVault.Storage.Snapshots;

namespace TrendVault.Grains.Videos;

/// <summary>
/// One video. Calls are serialized per video, so when two regions' charts carry it in the same
/// bucket the second call finds the bucket recorded and writes nothing; the table's (video, bucket)
/// key still guards the case where the grain was deactivated in between.
/// </summary>
public sealed class VideoGrain(ISnapshotWriter writer, [Microsoft.Extensions.DependencyInjection.FromKeyedServices(CollectionClock.Key)] TimeProvider clock)
    : Grain, IVideoGrain
{
    private DateTimeOffset? _lastRecordedBucket;

    public async Task RecordAsync(VideoObservation observation, DateTimeOffset bucket, bool onChart, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(observation.Metadata.YouTubeId, this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"Observation of {observation.Metadata.YouTubeId} sent to video grain {this.GetPrimaryKeyString()}.");
        }
        if (_lastRecordedBucket >= bucket)
        {
            return;
        }
        await writer.WriteAsync(new SnapshotRecord(observation.Metadata, observation.Statistics, bucket, clock.GetUtcNow(), onChart), cancellationToken);
        _lastRecordedBucket = bucket;
    }
}
