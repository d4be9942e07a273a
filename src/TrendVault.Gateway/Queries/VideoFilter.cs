namespace TrendVault.Gateway.Queries;

/// <summary>A validated video list request.</summary>
public sealed record VideoFilter(string? Region, int? Category, string? Search, VideoSort Sort, int Page, int PageSize);
