using System.Net;
using System.Text.Json;

namespace TrendVault.FakeYouTube.Tests;

public sealed class ChartSpecs
{
    private const string UsChart = $"videos?part=id&chart=mostPopular&regionCode=US&maxResults=50&key={ApiHttp.Key}";

    [Fact]
    public async Task The_most_popular_chart_is_four_pages_of_fifty_distinct_videos_linked_by_page_tokens()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        var pages = new List<JsonElement>();
        string? token = null;

        do
        {
            var (status, page) = await http.GetJsonAsync(server.BaseUrl, UsChart + (token is null ? "" : $"&pageToken={token}"));
            Assert.Equal(HttpStatusCode.OK, status);
            pages.Add(page);
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (token is not null && pages.Count < 10);

        Assert.Equal(4, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal("youtube#videoListResponse", page.GetProperty("kind").GetString());
            Assert.Equal(50, page.GetProperty("items").GetArrayLength());
            Assert.Equal(200, page.GetProperty("pageInfo").GetProperty("totalResults").GetInt32());
            Assert.Equal(50, page.GetProperty("pageInfo").GetProperty("resultsPerPage").GetInt32());
        });
        Assert.False(pages[0].TryGetProperty("prevPageToken", out _));
        Assert.All(pages.Skip(1), page => Assert.True(page.TryGetProperty("prevPageToken", out _)));
        var ids = pages.SelectMany(page => page.Ids()).ToList();
        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(server.Catalog.ChartFor("US"), ids);
    }

    [Fact]
    public async Task The_previous_page_token_leads_back_to_the_previous_page()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        var (_, first) = await http.GetJsonAsync(server.BaseUrl, UsChart);
        var (_, second) = await http.GetJsonAsync(server.BaseUrl, UsChart + "&pageToken=" + first.GetProperty("nextPageToken").GetString());
        var (_, back) = await http.GetJsonAsync(server.BaseUrl, UsChart + "&pageToken=" + second.GetProperty("prevPageToken").GetString());

        Assert.Equal(first.Ids(), back.Ids());
    }

    [Fact]
    public async Task Only_the_requested_parts_are_returned_and_the_default_page_size_is_five()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        var (_, page) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=statistics&chart=mostPopular&regionCode=jp&key={ApiHttp.Key}");

        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal(["kind", "etag", "id", "statistics"], item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.String, item.GetProperty("statistics").GetProperty("viewCount").ValueKind);
        });
    }

    [Fact]
    public async Task An_unknown_region_is_refused_with_400_invalidRegionCode()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        var (chartStatus, chart) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=id&chart=mostPopular&regionCode=XX&key={ApiHttp.Key}");
        var (categoriesStatus, categories) = await http.GetJsonAsync(server.BaseUrl, $"videoCategories?part=snippet&regionCode=XX&key={ApiHttp.Key}");

        Assert.Equal(HttpStatusCode.BadRequest, chartStatus);
        Assert.Equal("invalidRegionCode", chart.OnlyError().GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, categoriesStatus);
        Assert.Equal("invalidRegionCode", categories.OnlyError().GetProperty("reason").GetString());
    }
}
