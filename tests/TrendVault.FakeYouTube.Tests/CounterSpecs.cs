using System.Net;

namespace TrendVault.FakeYouTube.Tests;

public sealed class CounterSpecs
{
    [Fact]
    public async Task Every_api_call_costs_one_unit_including_failed_ones()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        await http.GetJsonAsync(server.BaseUrl, $"i18nRegions?part=snippet&key={ApiHttp.Key}");
        await http.GetJsonAsync(server.BaseUrl, $"videoCategories?part=snippet&regionCode=XX&key={ApiHttp.Key}");
        await http.GetJsonAsync(server.BaseUrl, "videos?part=id&chart=mostPopular&regionCode=BR");
        await http.GetJsonAsync(server.BaseUrl, $"videos?part=id&chart=mostPopular&regionCode=br&key={ApiHttp.Key}");
        var (status, counters) = await http.GetJsonAsync(server.RootUrl, "_fake/requests");

        Assert.Equal(4, server.Requests.Units);
        Assert.Equal(4, server.Requests.Total);
        Assert.Equal(2, server.Requests.EndpointCalls("videos"));
        Assert.Equal(1, server.Requests.ChartCalls("BR"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, counters.GetProperty("units").GetInt64());
        Assert.Equal(1, counters.GetProperty("endpoints").GetProperty("videoCategories").GetInt64());
        Assert.Equal(1, counters.GetProperty("charts").GetProperty("BR").GetInt64());
    }
}
