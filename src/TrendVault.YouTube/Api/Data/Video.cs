using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class Video
{
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("snippet")] public VideoSnippet? Snippet { get; set; }
    [JsonProperty("contentDetails")] public VideoContentDetails? ContentDetails { get; set; }
    [JsonProperty("statistics")] public VideoStatisticsData? Statistics { get; set; }
}
