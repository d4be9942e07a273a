namespace TrendVault.Gateway.Contracts;

public sealed record VideoListItem(string VideoId, string Title, string ChannelTitle, int? CategoryId, DateTimeOffset? PublishedAt, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, long? Views, long? Likes, long? Comments);
