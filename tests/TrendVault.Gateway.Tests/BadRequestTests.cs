using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace TrendVault.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class BadRequestTests(GatewayFixture fixture)
{
    private readonly HttpClient _http = fixture.CreateClient();

    [Theory]
    [InlineData("/api/regions/USA", 400)]
    [InlineData("/api/regions/1A", 400)]
    [InlineData("/api/regions/ZZ", 404)]
    [InlineData("/api/regions/zz/categories", 404)]
    [InlineData("/api/regions/U$/trending", 400)]
    [InlineData("/api/regions/US/trending?at=yesterday", 400)]
    [InlineData("/api/regions/US/trending?at=%00", 400)]
    [InlineData("/api/videos/short", 400)]
    [InlineData("/api/videos/AAAAAAAAAA%27", 400)]
    [InlineData("/api/videos/AAAAAAAAAAA", 404)]
    [InlineData("/api/videos/AAAAAAAAAAA/snapshots", 404)]
    [InlineData("/api/videos/AAAAAAAAAAA/snapshots?interval=week", 400)]
    [InlineData("/api/videos/AAAAAAAAAAA/snapshots?from=2026-03-03&to=2026-03-01", 400)]
    [InlineData("/api/videos/AAAAAAAAAAA/snapshots?from=not-a-date", 400)]
    [InlineData("/api/videos?pageSize=101", 400)]
    [InlineData("/api/videos?pageSize=0", 400)]
    [InlineData("/api/videos?page=0", 400)]
    [InlineData("/api/videos?page=abc", 400)]
    [InlineData("/api/videos?page=99999999999999999999", 400)]
    [InlineData("/api/videos?sort=random", 400)]
    [InlineData("/api/videos?sort=1", 400)]
    [InlineData("/api/videos?region=Europe", 400)]
    [InlineData("/api/videos?category=music", 400)]
    [InlineData("/api/stats/top?metric=shares", 400)]
    [InlineData("/api/stats/top?limit=0", 400)]
    [InlineData("/api/stats/top?limit=1000", 400)]
    [InlineData("/api/stats/top?limit=-5", 400)]
    [InlineData("/api/stats/top?window=abc", 400)]
    [InlineData("/api/stats/top?window=9999d", 400)]
    [InlineData("/api/stats/top?window=31d", 400)]
    [InlineData("/api/videos?page=21&pageSize=100", 400)]
    [InlineData("/api/videos?page=101", 400)]
    [InlineData("/api/videos?after=not-a-cursor", 400)]
    [InlineData("/api/videos?after=TGFzdFNlZW4KPTEKQUFBQUFBQUFBQUE&page=2", 400)]
    [InlineData("/api/videos?after=TGFzdFNlZW4KPTEKQUFBQUFBQUFBQUE&sort=title", 400)]
    [InlineData("/api/stats/top?region=QQ", 404)]
    [InlineData("/api/export/trending.csv?from=xx", 400)]
    [InlineData("/api/export/trending.csv?region=12", 400)]
    [InlineData("/api/export/trending.csv?from=2026-03-03&to=2026-03-01", 400)]
    [InlineData("/api/regions/US/gaps?from=2026-03-03&to=2026-03-01", 400)]
    [InlineData("/api/regions/US/gaps?from=2000-01-01&to=2026-03-01", 400)]
    [InlineData("/api/regions/US/gaps?to=soon", 400)]
    [InlineData("/api/regions/QQ/gaps", 404)]
    [InlineData("/api/regions/US/gaps?to=0001-01-01T00:00:00Z", 400)]
    [InlineData("/api/regions/US/gaps?from=9999-12-31T23:30:00Z&to=9999-12-31T23:30:00Z", 400)]
    [InlineData("/api/regions/US/trending?at=0001-01-01T00:00:00Z", 400)]
    [InlineData("/api/videos?q=%00", 400)]
    [InlineData("/api/videos?q=a%0Ab", 400)]
    [InlineData("/api/no-such-endpoint", 404)]
    public async Task Malformed_or_unknown_requests_get_problem_details(string url, int status)
    {
        var response = await _http.GetAsync(url);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(status, problem!.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
    }

    [Fact]
    public async Task A_validation_problem_names_every_bad_parameter()
    {
        var response = await _http.GetAsync("/api/stats/top?metric=shares&limit=0&window=forever");

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["limit", "metric", "window"], problem!.Errors.Keys.Order());
        Assert.Contains("views, likes, comments", problem.Errors["metric"][0]);
    }
}
