namespace TrendVault.Gateway.Contracts;

public sealed record TrendingItem(int Rank, string VideoId, string Title, string ChannelTitle, int? CategoryId, long? Views, long? Likes, long? Comments);
