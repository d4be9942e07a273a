using System.Net;

namespace TrendVault.Gateway.Tests;

/// <summary>A board at a past time is cacheable: a closed bucket's chart never changes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BoardCachingTests(GatewayFixture fixture)
{
    private readonly HttpClient _http = fixture.CreateClient();

    private static string At(DateTimeOffset time) => $"/api/regions/US/trending?at={Uri.EscapeDataString(time.ToString("o"))}";

    [Fact]
    public async Task The_chart_of_a_closed_bucket_is_immutable_with_a_strong_etag()
    {
        var response = await _http.GetAsync(At(GatewayFixture.SecondBucket.AddMinutes(30)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_client_holding_the_etag_gets_304_without_a_body()
    {
        var url = At(GatewayFixture.SecondBucket.AddMinutes(30));
        var first = await _http.GetAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_buckets_chart_has_another_etag()
    {
        var first = await _http.GetAsync(At(GatewayFixture.FirstBucket));
        var second = await _http.GetAsync(At(GatewayFixture.SecondBucket));

        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task An_earlier_chart_standing_in_for_an_uncollected_bucket_is_revalidated_every_time()
    {
        // Nothing was collected in the third bucket: the second's chart answers, until the third is written.
        var response = await _http.GetAsync(At(GatewayFixture.SecondBucket.AddHours(1)));

        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }
}
