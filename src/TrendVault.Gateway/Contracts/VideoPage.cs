namespace TrendVault.Gateway.Contracts;

/// <summary>
/// One page of the video list. <paramref name="Total"/> counts the matches up to a cap; <paramref name="TotalCapped"/>
/// says there are more (counting a million videos exactly took most of a second).
/// </summary>
public sealed record VideoPage(int Page, int PageSize, long Total, bool TotalCapped, IReadOnlyList<VideoListItem> Items);
