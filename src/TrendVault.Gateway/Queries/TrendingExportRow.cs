namespace TrendVault.Gateway.Queries;

/// <summary>
/// One line of the trending export, in the column order of the classic public "Trending YouTube
/// Video Statistics" dataset, plus region and rank.
/// </summary>
public sealed record TrendingExportRow(
    string VideoId,
    DateTimeOffset TrendingDate,
    string Title,
    string ChannelTitle,
    int? CategoryId,
    DateTimeOffset? PublishTime,
    string Tags,
    long? Views,
    long? Likes,
    long? Dislikes,
    long? CommentCount,
    string? ThumbnailLink,
    bool CommentsDisabled,
    bool RatingsDisabled,
    bool VideoErrorOrRemoved,
    string? Description,
    string Region,
    int Rank);
