using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace TrendVault.Gateway.Tests;

/// <summary>Boards are cacheable: a closed bucket's chart never changes, the latest one not before the next bucket.</summary>
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

    [Fact]
    public async Task The_latest_board_of_the_current_bucket_is_fresh_until_the_next_bucket_begins()
    {
        // The fixture's clock stands 5 minutes into the second bucket, whose US chart is collected.
        await using var gateway = GatewayAtTheFixturesTime();
        using var http = gateway.CreateClient();

        var response = await http.GetAsync("/api/regions/US/trending");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(55), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.False(response.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task The_latest_board_before_the_current_bucket_is_collected_is_revalidated_every_time()
    {
        // The system clock is months past the fixture's buckets: the latest chart is an old one.
        var response = await _http.GetAsync("/api/regions/US/trending");

        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/US/trending");
        request.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_gateway_answers_a_fresh_latest_board_from_its_cache_with_its_age()
    {
        await using var gateway = GatewayAtTheFixturesTime();
        using var http = gateway.CreateClient();

        var first = await http.GetAsync("/api/regions/US/trending");
        var second = await http.GetAsync("/api/regions/US/trending");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_board_that_must_be_revalidated_is_never_served_from_the_gateway_cache()
    {
        // As in the test above: months after the fixture's buckets, the latest chart is an old one.
        await _http.GetAsync("/api/regions/US/trending");
        var again = await _http.GetAsync("/api/regions/US/trending");

        Assert.Equal("no-cache", again.Headers.CacheControl?.ToString());
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task A_cached_latest_board_expires_when_the_next_bucket_begins()
    {
        // One second before the third bucket: GB's chart of the second bucket is fresh for that second.
        var clock = new FakeTimeProvider(GatewayFixture.SecondBucket.AddHours(1).AddSeconds(-1));
        await using var gateway = fixture.GatewayAt(clock);
        using var http = gateway.CreateClient();

        var lastSecond = await http.GetAsync("/api/regions/GB/trending");
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var nextBucket = await http.GetAsync("/api/regions/GB/trending");

        Assert.Equal(TimeSpan.FromSeconds(1), lastSecond.Headers.CacheControl?.MaxAge);
        // GB has no chart of the third bucket yet: the second's stands in, read again and revalidated every time.
        Assert.Null(nextBucket.Headers.Age);
        Assert.Equal("no-cache", nextBucket.Headers.CacheControl?.ToString());
    }

    private WebApplicationFactory<GatewayApiOptions> GatewayAtTheFixturesTime() => fixture.GatewayAt(fixture.Clock);
}
