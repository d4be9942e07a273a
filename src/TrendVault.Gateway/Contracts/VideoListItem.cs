namespace TrendVault.Gateway.Contracts;

public sealed record VideoListItem(string VideoId, string Title, string ChannelTitle, int? CategoryId, DateTimeOffset? PublishedAt, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, string Status, long? Views, long? Likes, long? Comments);
