namespace TrendVault.Gateway.Contracts;

/// <summary>
/// One page of the video list. <paramref name="Total"/> counts the matches up to a cap; <paramref name="TotalCapped"/>
/// says there are more (counting a million videos exactly took most of a second). <paramref name="Page"/> is null
/// for a page asked by cursor; <paramref name="Next"/> is the cursor of the following page (<c>after=</c>), null on the last.
/// </summary>
public sealed record VideoPage(int? Page, int PageSize, long Total, bool TotalCapped, IReadOnlyList<VideoListItem> Items, string? Next);
