using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TrendVault.Gateway.Limits;

namespace TrendVault.Gateway.Tests;

/// <summary>Every request's work is bounded, and a request over a bound is told which limit it crossed.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RequestBoundTests(GatewayFixture fixture)
{
    private readonly HttpClient _http = fixture.CreateClient();

    [Fact]
    public async Task An_export_without_a_region_covers_at_most_7_days()
    {
        var response = await _http.GetAsync("/api/export/trending.csv?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:01Z");

        await AssertLimitNamedAsync(response, "7-day limit for exports without a region");
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/export/trending.csv?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task An_export_without_a_region_or_range_is_the_last_7_days()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/export/trending.csv")).StatusCode);

        var response = await _http.GetAsync("/api/export/trending.csv?from=2026-03-01T00:00:00Z");

        await AssertLimitNamedAsync(response, "7-day limit for exports without a region");
    }

    [Fact]
    public async Task An_export_of_one_region_covers_at_most_366_days()
    {
        var response = await _http.GetAsync("/api/export/trending.csv?region=US&from=2025-03-01T00:00:00Z&to=2026-03-03T00:00:00Z");

        await AssertLimitNamedAsync(response, "366-day limit for exports of one region");
    }

    [Fact]
    public async Task Top_gainers_windows_are_at_most_30_days()
    {
        var response = await _http.GetAsync("/api/stats/top?window=31d");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("30-day limit", problem.Errors["window"][0]);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/stats/top?window=30d")).StatusCode);
    }

    [Fact]
    public async Task Exports_beyond_the_concurrent_limit_are_refused_with_retry_after()
    {
        var slots = fixture.Gateway.Services.GetRequiredService<ExportSlots>();
        // Hold every slot, as that many running downloads would.
        var held = Enumerable.Range(0, slots.Limit).Select(_ => slots.TryEnter()).ToList();
        try
        {
            Assert.All(held, Assert.NotNull);

            var response = await _http.GetAsync("/api/export/trending.csv?region=US");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Contains("limit of concurrent exports", problem!.Detail);
        }
        finally
        {
            held.ForEach(slot => slot?.Dispose());
        }
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/export/trending.csv?region=US")).StatusCode);
    }

    private static async Task AssertLimitNamedAsync(HttpResponseMessage response, string limit)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(limit, problem.Detail);
        Assert.Contains(limit, problem.Errors["from"][0]);
    }

    private static async Task<ValidationProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
    }
}
