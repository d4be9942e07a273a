namespace TrendVault.Gateway.Contracts;

/// <summary>A tracked video: metadata, its latest counters and where it trended. Status: onChart, tracked, gone or expired.</summary>
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
    string Status,
    DateTimeOffset? GoneAt,
    SnapshotPoint? Latest,
    IReadOnlyList<VideoRegionRank> Regions);
