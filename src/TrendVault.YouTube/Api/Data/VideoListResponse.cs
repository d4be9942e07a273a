using Google.Apis.Requests;
using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class VideoListResponse : IDirectResponseSchema
{
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
    [JsonProperty("nextPageToken")] public string? NextPageToken { get; set; }
    [JsonProperty("prevPageToken")] public string? PrevPageToken { get; set; }
    [JsonProperty("pageInfo")] public PageInfo? PageInfo { get; set; }
    [JsonProperty("items")] public IList<Video>? Items { get; set; }
}
