namespace TrendVault.Gateway.Queries;

/// <summary>A validated video list request: a page number, or the cursor of the page before (<paramref name="After"/>).</summary>
public sealed record VideoFilter(string? Region, int? Category, string? Search, VideoSort Sort, int Page, int PageSize, VideoCursor? After = null);
