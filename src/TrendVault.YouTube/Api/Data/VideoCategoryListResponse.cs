using Google.Apis.Requests;
using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class VideoCategoryListResponse : IDirectResponseSchema
{
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
    [JsonProperty("items")] public IList<VideoCategory>? Items { get; set; }
}
