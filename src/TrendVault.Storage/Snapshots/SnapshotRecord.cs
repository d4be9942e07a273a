using TrendVault.Model;

namespace TrendVault.Storage.Snapshots;

/// <summary>
/// One video's metadata and counters for one bucket, as observed at <paramref name="SeenAt"/>.
/// <paramref name="OnChart"/> is false for off-chart refreshes, which must not move the video's last chart sighting.
/// </summary>
public sealed record SnapshotRecord(VideoMetadata Metadata, VideoStatistics Statistics, DateTimeOffset Bucket, DateTimeOffset SeenAt, bool OnChart = true);
