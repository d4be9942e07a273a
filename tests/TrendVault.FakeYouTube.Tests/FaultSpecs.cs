using System.Net;
using System.Net.Http.Json;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Tests;

public sealed class FaultSpecs
{
    private const string FrChart = $"videos?part=id&chart=mostPopular&regionCode=FR&key={ApiHttp.Key}";

    [Fact]
    public async Task A_fault_with_count_one_answers_once_then_clears()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        server.Faults.Set("FR", FakeFaultKind.ServerError, count: 1);

        var (firstStatus, first) = await http.GetJsonAsync(server.BaseUrl, FrChart);
        var (secondStatus, _) = await http.GetJsonAsync(server.BaseUrl, FrChart);

        Assert.Equal(HttpStatusCode.InternalServerError, firstStatus);
        Assert.Equal("backendError", first.OnlyError().GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Empty(server.Faults.Active);
    }

    [Fact]
    public async Task A_region_fault_fails_only_that_regions_chart()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        server.Faults.Set("FR", FakeFaultKind.ChartNotFound);

        var (frStatus, fr) = await http.GetJsonAsync(server.BaseUrl, FrChart);
        var (deStatus, _) = await http.GetJsonAsync(server.BaseUrl, FrChart.Replace("=FR", "=DE"));
        var (lookupStatus, _) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=id&id={server.Catalog.ChartFor("FR")[0]}&key={ApiHttp.Key}");

        Assert.Equal(HttpStatusCode.NotFound, frStatus);
        Assert.Equal("videoChartNotFound", fr.OnlyError().GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, deStatus);
        Assert.Equal(HttpStatusCode.OK, lookupStatus);
    }

    [Fact]
    public async Task A_quota_fault_answers_with_googles_quotaExceeded_body()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        server.Faults.Set(FakeFaults.AllRegions, FakeFaultKind.QuotaExceeded);

        using var response = await http.GetAsync(new Uri(server.BaseUrl, $"i18nRegions?part=snippet&key={ApiHttp.Key}"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(465, System.Text.Encoding.UTF8.GetByteCount(text));
        Assert.Contains("\"reason\": \"quotaExceeded\"", text);
        Assert.Contains("\"domain\": \"youtube.quota\"", text);
        Assert.Contains("\\u003ca href=", text);
    }

    [Fact]
    public async Task A_malformed_json_fault_answers_200_with_a_body_that_does_not_parse()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        server.Faults.Set(FakeFaults.AllRegions, FakeFaultKind.MalformedJson, count: 1);

        using var response = await http.GetAsync(new Uri(server.BaseUrl, FrChart));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{", text);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Faults_can_be_switched_over_http_for_every_region()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        using var put = await http.PutAsJsonAsync(new Uri(server.RootUrl, "_fake/faults/*"), new { kind = "serviceUnavailable", count = 2 });
        var (categoriesStatus, _) = await http.GetJsonAsync(server.BaseUrl, $"videoCategories?part=snippet&regionCode=US&key={ApiHttp.Key}");
        var (lookupStatus, _) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=id&id={server.Catalog.Videos[0].Id}&key={ApiHttp.Key}");
        var (afterStatus, _) = await http.GetJsonAsync(server.BaseUrl, FrChart);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, categoriesStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lookupStatus);
        Assert.Equal(HttpStatusCode.OK, afterStatus);
    }
}
