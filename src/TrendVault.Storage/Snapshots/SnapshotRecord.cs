using TrendVault.Model;

namespace TrendVault.Storage.Snapshots;

/// <summary>One video's metadata and counters for one bucket, as observed at <paramref name="SeenAt"/>.</summary>
public sealed record SnapshotRecord(VideoMetadata Metadata, VideoStatistics Statistics, DateTimeOffset Bucket, DateTimeOffset SeenAt);
