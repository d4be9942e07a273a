using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrendVault.FakeYouTube.Tests;

public sealed class BrokenItemSpecs
{
    private const string DeChart = $"videos?part=snippet,statistics&chart=mostPopular&regionCode=DE&maxResults=10&key={ApiHttp.Key}";

    [Fact]
    public async Task A_broken_item_set_over_http_breaks_only_its_position_until_cleared()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        var set = await http.PutAsJsonAsync(new Uri(server.RootUrl, "_fake/broken/de/4"), new { kind = "noSnippet" });
        var (_, broken) = await http.GetJsonAsync(server.BaseUrl, DeChart);
        var listed = await http.GetStringAsync(new Uri(server.RootUrl, "_fake/broken"));
        await http.DeleteAsync(new Uri(server.RootUrl, "_fake/broken/DE"));
        var (_, cleared) = await http.GetJsonAsync(server.BaseUrl, DeChart);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var items = broken.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([true, true, true, false, true, true, true, true, true, true], items.Select(i => i.TryGetProperty("snippet", out _)));
        Assert.Equal(server.Catalog.ChartFor("DE").Take(10), broken.Ids());
        Assert.Equal("""{"DE":{"4":"noSnippet"}}""", listed);
        Assert.All(cleared.GetProperty("items").EnumerateArray(), i => Assert.True(i.TryGetProperty("snippet", out _)));
    }

    [Fact]
    public async Task An_overflowing_count_is_sent_as_a_json_string_of_twenty_digits()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        server.BrokenItems.Set("DE", 1, Faults.FakeBrokenItemKind.ViewCountOverflow);

        var (_, body) = await http.GetJsonAsync(server.BaseUrl, DeChart);

        var statistics = body.GetProperty("items")[0].GetProperty("statistics");
        Assert.Equal((JsonValueKind.String, "99999999999999999999"), (statistics.GetProperty("viewCount").ValueKind, statistics.GetProperty("viewCount").GetString()));
    }

    [Fact]
    public async Task An_unknown_kind_or_region_is_refused()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        var kind = await http.PutAsJsonAsync(new Uri(server.RootUrl, "_fake/broken/DE/1"), new { kind = "gremlins" });
        var region = await http.PutAsJsonAsync(new Uri(server.RootUrl, "_fake/broken/ZZ/1"), new { kind = "noSnippet" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (kind.StatusCode, region.StatusCode));
        Assert.Empty(server.BrokenItems.Active);
    }
}
