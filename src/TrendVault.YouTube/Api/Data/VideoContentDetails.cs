using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class VideoContentDetails
{
    /// <summary>ISO-8601 duration such as PT4M13S; P0D for a live stream.</summary>
    [JsonProperty("duration")] public string? Duration { get; set; }
    [JsonProperty("dimension")] public string? Dimension { get; set; }
    [JsonProperty("definition")] public string? Definition { get; set; }
    [JsonProperty("caption")] public string? Caption { get; set; }
}
