using System.Net;

namespace TrendVault.Gateway.Tests;

/// <summary>
/// A video's detail and series change through the bucket (its snapshot, each further region's chart, a
/// tracker finding it gone), so the gateway serves them from its cache for a minute, with strong ETags.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoCachingTests(GatewayFixture fixture)
{
    private readonly HttpClient _http = fixture.CreateClient();

    [Fact]
    public async Task A_video_is_served_from_the_gateway_cache_for_a_minute()
    {
        var url = $"/api/videos/{fixture.YouTube.Catalog.ChartFor("US")[5]}";

        var first = await _http.GetAsync(url);
        var second = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), first.Headers.CacheControl?.MaxAge);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_series_is_served_from_the_gateway_cache_for_a_minute()
    {
        var url = $"/api/videos/{fixture.YouTube.Catalog.ChartFor("US")[2]}/snapshots?interval=day";

        var first = await _http.GetAsync(url);
        var second = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), first.Headers.CacheControl?.MaxAge);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_client_holding_a_videos_etag_gets_304_without_a_body()
    {
        var url = $"/api/videos/{fixture.YouTube.Catalog.ChartFor("GB")[1]}";

        var first = await _http.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Video_ids_differing_only_in_case_are_different_cache_entries()
    {
        var id = fixture.YouTube.Catalog.ChartFor("GB").First(candidate => candidate.Any(char.IsLetter));
        var other = new string(id.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());

        var cached = await _http.GetAsync($"/api/videos/{id}");
        var unknown = await _http.GetAsync($"/api/videos/{other}");

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
