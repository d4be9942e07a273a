using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

/// <summary>
/// Counters arrive as JSON strings (uint64 in the discovery document); a missing field means hidden or
/// disabled. They are kept as the strings sent and parsed per item by <see cref="VideoMapper"/>: read
/// into a number type, one count beyond 64 bits would fail the whole response.
/// </summary>
public sealed class VideoStatisticsData
{
    [JsonProperty("viewCount")] public string? ViewCount { get; set; }
    [JsonProperty("likeCount")] public string? LikeCount { get; set; }
    [JsonProperty("dislikeCount")] public string? DislikeCount { get; set; }
    [JsonProperty("favoriteCount")] public string? FavoriteCount { get; set; }
    [JsonProperty("commentCount")] public string? CommentCount { get; set; }
}
