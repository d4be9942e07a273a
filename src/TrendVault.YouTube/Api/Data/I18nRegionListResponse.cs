using Google.Apis.Requests;
using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class I18nRegionListResponse : IDirectResponseSchema
{
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
    [JsonProperty("items")] public IList<I18nRegion>? Items { get; set; }
}
