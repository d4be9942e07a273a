using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class VideoCategory
{
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("snippet")] public VideoCategorySnippet? Snippet { get; set; }
}
