using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class Thumbnail
{
    [JsonProperty("url")] public string? Url { get; set; }
    [JsonProperty("width")] public long? Width { get; set; }
    [JsonProperty("height")] public long? Height { get; set; }
}
