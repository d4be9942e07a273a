using System.Net;

namespace TrendVault.FakeYouTube.Tests;

public sealed class ApiKeySpecs
{
    [Fact]
    public async Task A_request_without_a_key_is_refused_with_403_forbidden_in_googles_error_shape()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        var (status, body) = await http.GetJsonAsync(server.BaseUrl, "videos?part=id&chart=mostPopular&regionCode=US");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var error = body.GetProperty("error");
        Assert.Equal(403, error.GetProperty("code").GetInt32());
        Assert.Equal("The request is missing a valid API key.", error.GetProperty("message").GetString());
        Assert.Equal("PERMISSION_DENIED", error.GetProperty("status").GetString());
        var detail = body.OnlyError();
        Assert.Equal("The request is missing a valid API key.", detail.GetProperty("message").GetString());
        Assert.Equal("global", detail.GetProperty("domain").GetString());
        Assert.Equal("forbidden", detail.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_400_keyInvalid_when_an_api_key_is_configured()
    {
        await using var server = await FakeYouTubeServer.StartAsync(new FakeYouTubeOptions { ApiKey = "right" });
        using var http = new HttpClient();

        var (wrongStatus, wrongBody) = await http.GetJsonAsync(server.BaseUrl, "i18nRegions?part=snippet&key=wrong");
        var (rightStatus, _) = await http.GetJsonAsync(server.BaseUrl, "i18nRegions?part=snippet&key=right");

        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Equal("INVALID_ARGUMENT", wrongBody.GetProperty("error").GetProperty("status").GetString());
        Assert.Equal("keyInvalid", wrongBody.OnlyError().GetProperty("reason").GetString());
        Assert.Equal("usageLimits", wrongBody.OnlyError().GetProperty("domain").GetString());
        Assert.Equal(HttpStatusCode.OK, rightStatus);
    }
}
