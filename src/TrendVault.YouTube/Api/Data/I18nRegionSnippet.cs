using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class I18nRegionSnippet
{
    [JsonProperty("gl")] public string? Gl { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
}
