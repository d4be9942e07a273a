using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

/// <summary>
/// Counters arrive as JSON strings and may exceed 2^31; a missing field means hidden or disabled,
/// so every counter is nullable.
/// </summary>
public sealed class VideoStatisticsData
{
    [JsonProperty("viewCount")] public ulong? ViewCount { get; set; }
    [JsonProperty("likeCount")] public ulong? LikeCount { get; set; }
    [JsonProperty("dislikeCount")] public ulong? DislikeCount { get; set; }
    [JsonProperty("favoriteCount")] public ulong? FavoriteCount { get; set; }
    [JsonProperty("commentCount")] public ulong? CommentCount { get; set; }
}
