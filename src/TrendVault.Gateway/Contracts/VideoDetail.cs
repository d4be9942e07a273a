namespace TrendVault.Gateway.Contracts;

/// <summary>A tracked video: metadata, its latest counters and where it trended.</summary>
public sealed record VideoDetail(
    string VideoId,
    string Title,
    string? Description,
    string ChannelId,
    string ChannelTitle,
    int? CategoryId,
    IReadOnlyList<string> Tags,
    DateTimeOffset? PublishedAt,
    int? DurationSeconds,
    string? ThumbnailUrl,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    SnapshotPoint? Latest,
    IReadOnlyList<VideoRegionRank> Regions);
