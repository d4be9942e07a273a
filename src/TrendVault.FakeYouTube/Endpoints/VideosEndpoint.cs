using System.Globalization;
using System.Text.Json.Nodes;
using TrendVault.FakeYouTube.Data;
using TrendVault.FakeYouTube.Diagnostics;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>videos.list with either chart=mostPopular (paged) or id=… (lookup); statistics are read at the current time.</summary>
internal sealed class VideosEndpoint(FakeCatalog catalog, FakeFaults faults, FakeBrokenItems broken, FakeRequestCounter counter, TimeProvider time)
{
    private const int MaxIds = 50;
    private const int MaxPageSize = 50;
    private const int DefaultPageSize = 5;
    private static readonly string[] SupportedParts = ["id", "snippet", "contentDetails", "statistics"];

    public IResult Handle(HttpRequest request)
    {
        var partNames = Query.List(request, "part");
        if (Query.CheckParts(partNames, SupportedParts) is { } error)
        {
            return error;
        }

        var parts = (partNames.Contains("snippet") ? VideoParts.Snippet : VideoParts.None)
            | (partNames.Contains("contentDetails") ? VideoParts.ContentDetails : VideoParts.None)
            | (partNames.Contains("statistics") ? VideoParts.Statistics : VideoParts.None);
        var ids = Query.List(request, "id").Distinct(StringComparer.Ordinal).ToList();
        var chart = Query.Single(request, "chart");
        return (chart, ids.Count) switch
        {
            (null, 0) => ApiErrors.InvalidParameter(
                "youtube.parameter", "missingRequiredParameter", "No filter selected. Expected one of: chart, id, myRating"),
            (not null, > 0) => ApiErrors.InvalidParameter(
                "youtube.parameter", "incompatibleParameters", "Incompatible parameters specified in the request: chart, id"),
            (not null, _) => Chart(request, chart!, parts),
            _ => ById(ids, parts),
        };
    }

    private IResult Chart(HttpRequest request, string chart, VideoParts parts)
    {
        if (chart != "mostPopular")
        {
            return ApiErrors.InvalidParameter("global", "invalidParameter", $"Invalid value '{chart}' for parameter chart.");
        }

        // Like the real API, a chart request without regionCode means the US chart.
        var region = (Query.Single(request, "regionCode") ?? "US").ToUpperInvariant();
        counter.CountChart(region);
        if (!catalog.IsKnownRegion(region))
        {
            return ApiErrors.InvalidRegionCode();
        }

        if (ApiGate.TakeFault(faults, counter, region, ApiJson.VideoListKind) is { } fault)
        {
            return fault;
        }

        var pageSize = DefaultPageSize;
        if (Query.Single(request, "maxResults") is { } rawPageSize
            && (!int.TryParse(rawPageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return ApiErrors.InvalidParameter(
                "global", "invalidParameter", $"Invalid value '{rawPageSize}'. Values must be within the range: [1, {MaxPageSize}]");
        }

        var chartIds = catalog.ChartAt(region, time.GetUtcNow());
        var offset = 0;
        if (Query.Single(request, "pageToken") is { } token && (!PageToken.TryDecode(token, out offset) || offset >= chartIds.Count))
        {
            return ApiErrors.InvalidParameter("youtube.parameter", "invalidPageToken", "The request specifies an invalid page token.");
        }

        var end = offset + pageSize;
        var items = Items(chartIds.Skip(offset).Take(pageSize), parts);
        for (var i = 0; i < items.Count; i++)
        {
            if (broken.At(region, offset + i + 1) is { } kind)
            {
                BrokenItemJson.Apply(items[i]!.AsObject(), kind);
            }
        }

        var body = ApiJson.Text(ApiJson.List(
            ApiJson.VideoListKind,
            items,
            next: end < chartIds.Count ? PageToken.Encode(end, backward: false) : null,
            prev: offset > 0 ? PageToken.Encode(Math.Max(0, offset - pageSize), backward: true) : null,
            pageInfo: (chartIds.Count, pageSize)));
        return Results.Text(body.Replace(BrokenItemJson.LoneSurrogate, BrokenItemJson.LoneSurrogateEscape, StringComparison.Ordinal), ApiJson.ContentType);
    }

    // Unknown ids are left out silently, as the real API does for deleted or private videos.
    private IResult ById(List<string> ids, VideoParts parts)
    {
        counter.CountIdLookup();
        if (ids.Count > MaxIds)
        {
            return ApiErrors.InvalidParameter(
                "youtube.parameter", "invalidFilters", $"The request specifies {ids.Count} video ids; at most {MaxIds} are allowed.");
        }

        var known = ids.Where(id => catalog.Video(id) is not null && !catalog.IsRemoved(id)).ToList();
        return ApiJson.Result(ApiJson.List(ApiJson.VideoListKind, Items(known, parts), pageInfo: (known.Count, known.Count)));
    }

    private JsonArray Items(IEnumerable<string> ids, VideoParts parts)
    {
        var now = time.GetUtcNow();
        return new JsonArray(ids
            .Select(id => (JsonNode?)ResourceJson.Video(catalog.Video(id)!, parts, catalog.StatisticsAt(id, now)))
            .ToArray());
    }
}
