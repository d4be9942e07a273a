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
    private bool _lastRecordedOnChart;

    public async Task RecordAsync(VideoObservation observation, DateTimeOffset bucket, bool onChart, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(observation.Metadata.YouTubeId, this.GetPrimaryKeyString(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"Observation of {observation.Metadata.YouTubeId} sent to video grain {this.GetPrimaryKeyString()}.");
        }
        // A chart sighting after an off-chart refresh of the same bucket still has to reach the table:
        // it moves last_seen_at (the snapshot itself is already stored and stays as it is).
        if (_lastRecordedBucket > bucket || (_lastRecordedBucket == bucket && (_lastRecordedOnChart || !onChart)))
        {
            return;
        }
        await writer.WriteAsync(new SnapshotRecord(observation.Metadata, observation.Statistics, bucket, clock.GetUtcNow(), onChart), cancellationToken);
        _lastRecordedBucket = bucket;
        _lastRecordedOnChart = onChart;
    }
}
