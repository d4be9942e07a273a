using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class VideoCategorySnippet
{
    [JsonProperty("channelId")] public string? ChannelId { get; set; }
    [JsonProperty("title")] public string? Title { get; set; }
    [JsonProperty("assignable")] public bool? Assignable { get; set; }
}
