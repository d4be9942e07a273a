namespace TrendVault.Model;

/// <summary>What YouTube says about a video, apart from its counters.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.VideoMetadata")]
public sealed record VideoMetadata(
    [property: Id(0)] string YouTubeId,
    [property: Id(1)] string Title,
    [property: Id(2)] string ChannelId,
    [property: Id(3)] string ChannelTitle,
    [property: Id(4)] int? CategoryId,
    [property: Id(5)] DateTimeOffset? PublishedAt,
    [property: Id(6)] TimeSpan? Duration,
    [property: Id(7)] IReadOnlyList<string> Tags,
    [property: Id(8)] string? Description,
    [property: Id(9)] string? ThumbnailUrl,
    [property: Id(10)] string? DefaultAudioLanguage);
