using System.Net;

namespace TrendVault.FakeYouTube.Tests;

public sealed class IdLookupSpecs
{
    [Fact]
    public async Task Comma_joined_and_repeated_ids_return_the_same_videos_in_request_order_without_unknown_ids()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        var (a, b, c) = (server.Catalog.Videos[42].Id, server.Catalog.Videos[7].Id, server.Catalog.Videos[2999].Id);

        var (commaStatus, comma) = await http.GetJsonAsync(
            server.BaseUrl, $"videos?part=snippet,statistics&id={a},NoSuchVid00,{b},{c}&key={ApiHttp.Key}");
        var (_, repeated) = await http.GetJsonAsync(
            server.BaseUrl, $"videos?part=snippet&part=statistics&id={a}&id=NoSuchVid00&id={b}&id={c}&key={ApiHttp.Key}");

        Assert.Equal(HttpStatusCode.OK, commaStatus);
        Assert.Equal([a, b, c], comma.Ids());
        Assert.Equal(comma.Ids(), repeated.Ids());
        Assert.Equal(3, comma.GetProperty("pageInfo").GetProperty("totalResults").GetInt32());
        Assert.Equal(comma.GetProperty("items").GetRawText(), repeated.GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task More_than_fifty_ids_are_refused_with_400()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        var ids = string.Join(",", server.Catalog.Videos.Take(51).Select(video => video.Id));

        var (status, _) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=id&id={ids}&key={ApiHttp.Key}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
