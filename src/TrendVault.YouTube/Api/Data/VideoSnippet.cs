using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class VideoSnippet
{
    [JsonProperty("publishedAt")] public DateTimeOffset? PublishedAt { get; set; }
    [JsonProperty("channelId")] public string? ChannelId { get; set; }
    [JsonProperty("title")] public string? Title { get; set; }
    [JsonProperty("description")] public string? Description { get; set; }
    [JsonProperty("thumbnails")] public ThumbnailDetails? Thumbnails { get; set; }
    [JsonProperty("channelTitle")] public string? ChannelTitle { get; set; }
    [JsonProperty("tags")] public IList<string>? Tags { get; set; }
    [JsonProperty("categoryId")] public string? CategoryId { get; set; }
    [JsonProperty("liveBroadcastContent")] public string? LiveBroadcastContent { get; set; }
    [JsonProperty("defaultLanguage")] public string? DefaultLanguage { get; set; }
    [JsonProperty("defaultAudioLanguage")] public string? DefaultAudioLanguage { get; set; }
}
