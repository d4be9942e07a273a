namespace TrendVault.FakeYouTube.Data;

/// <summary>Time-independent metadata of one generated video (the snippet and contentDetails parts).</summary>
public sealed record FakeVideo(
    int Index,
    string Id,
    DateTimeOffset PublishedAt,
    string ChannelId,
    string ChannelTitle,
    string Title,
    string Description,
    IReadOnlyList<string>? Tags,
    string CategoryId,
    string LiveBroadcastContent,
    string? DefaultLanguage,
    string? DefaultAudioLanguage,
    string Duration,
    string Definition,
    bool Caption,
    bool LicensedContent,
    bool HasMaxResThumbnail,
    bool LikesHidden,
    bool CommentsDisabled)
{
    internal VideoGrowth Growth { get; init; }
}
