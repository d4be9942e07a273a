using System.Text.Json.Nodes;
using TrendVault.FakeYouTube.Data;
using TrendVault.FakeYouTube.Diagnostics;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>The simulated YouTube Data API v3 methods under /youtube/v3/.</summary>
internal static class YouTubeEndpoints
{
    private static readonly string[] SnippetParts = ["id", "snippet"];

    public static void MapYouTubeApi(
        this WebApplication app, FakeCatalog catalog, FakeFaults faults, FakeBrokenItems broken, FakeRequestCounter counter, TimeProvider time)
    {
        var api = app.MapGroup(ApiGate.BasePath);
        api.MapGet("/i18nRegions", (HttpRequest request) => Regions(request, catalog));
        api.MapGet("/videoCategories", (HttpRequest request) => Categories(request, catalog));
        api.MapGet("/videos", new VideosEndpoint(catalog, faults, broken, counter, time).Handle);
    }

    // hl is accepted and ignored: names and titles are always English.
    private static IResult Regions(HttpRequest request, FakeCatalog catalog)
    {
        var parts = Query.List(request, "part");
        if (Query.CheckParts(parts, SnippetParts) is { } error)
        {
            return error;
        }

        var items = catalog.Regions.Select(region => (JsonNode?)ResourceJson.Region(region, parts.Contains("snippet")));
        return ApiJson.Result(ApiJson.List(ApiJson.RegionListKind, new JsonArray(items.ToArray())));
    }

    private static IResult Categories(HttpRequest request, FakeCatalog catalog)
    {
        var parts = Query.List(request, "part");
        if (Query.CheckParts(parts, SnippetParts) is { } error)
        {
            return error;
        }

        var ids = Query.List(request, "id");
        var regionCode = Query.Single(request, "regionCode");
        IEnumerable<FakeCategory> categories;
        if (ids.Count > 0)
        {
            categories = FakeCatalog.Categories.Where(category => ids.Contains(category.Id));
        }
        else if (regionCode is null)
        {
            return ApiErrors.InvalidParameter(
                "youtube.parameter", "missingRequiredParameter", "No filter selected. Expected one of: id, regionCode");
        }
        else if (!catalog.IsKnownRegion(regionCode))
        {
            return ApiErrors.InvalidRegionCode();
        }
        else
        {
            categories = catalog.CategoriesFor(regionCode);
        }

        var items = categories.Select(category => (JsonNode?)ResourceJson.Category(category, parts.Contains("snippet")));
        return ApiJson.Result(ApiJson.List(ApiJson.CategoryListKind, new JsonArray(items.ToArray())));
    }
}
