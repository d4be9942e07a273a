using Newtonsoft.Json;

namespace TrendVault.YouTube.Api.Data;

public sealed class PageInfo
{
    [JsonProperty("totalResults")] public int? TotalResults { get; set; }
    [JsonProperty("resultsPerPage")] public int? ResultsPerPage { get; set; }
}
