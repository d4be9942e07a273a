namespace TrendVault.Gateway.Contracts;

public sealed record VideoPage(int Page, int PageSize, long Total, IReadOnlyList<VideoListItem> Items);
