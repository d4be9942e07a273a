using System.Net;

namespace TrendVault.Gateway.Tests;

/// <summary>
/// A video's detail and series change only when its next snapshot arrives: once its snapshot of the
/// current bucket is in, they are fresh until the next bucket; before that, for a minute at most.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoCachingTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_video_whose_snapshot_of_the_current_bucket_is_in_is_fresh_until_the_next_bucket()
    {
        // The fixture's clock stands 5 minutes into the second bucket, whose US chart is collected.
        await using var gateway = fixture.GatewayAt(fixture.Clock);
        using var http = gateway.CreateClient();
        var url = $"/api/videos/{fixture.YouTube.Catalog.ChartFor("US")[0]}";

        var first = await http.GetAsync(url);
        var second = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(55), first.Headers.CacheControl?.MaxAge);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_series_ending_with_the_current_buckets_snapshot_is_cached_until_the_next_bucket()
    {
        await using var gateway = fixture.GatewayAt(fixture.Clock);
        using var http = gateway.CreateClient();
        var url = $"/api/videos/{fixture.YouTube.Catalog.ChartFor("US")[2]}/snapshots";

        var first = await http.GetAsync(url);
        var second = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(55), first.Headers.CacheControl?.MaxAge);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_video_whose_snapshot_of_the_current_bucket_is_not_in_yet_is_fresh_for_a_minute_and_answers_304_to_its_etag()
    {
        // The system clock is months past the fixture's buckets: the video's latest snapshot is an old one.
        using var http = fixture.CreateClient();
        var url = $"/api/videos/{fixture.YouTube.Catalog.ChartFor("GB")[1]}";

        var first = await http.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.MaxAge <= TimeSpan.FromMinutes(1), $"max-age {first.Headers.CacheControl?.MaxAge}");
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }
}
