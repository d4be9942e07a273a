using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrendVault.Gateway.Tests;

/// <summary>A client over its per-minute limit on an expensive endpoint gets 429, told when to come back.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    private const string Export = "/api/export/trending.csv?region=US&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z";

    [Fact]
    public async Task A_client_over_the_query_limit_gets_429_with_retry_after_and_problem_details()
    {
        await using var gateway = LimitedGateway(exportsPerMinute: 10, queriesPerMinute: 2);
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/stats/top")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/stats/top?window=2h")).StatusCode);
        var response = await http.GetAsync("/api/stats/top");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(429, problem!.Status);
        Assert.Contains("rate limit of 2 requests a minute", problem.Detail);
    }

    [Fact]
    public async Task Searches_are_limited_but_browsing_the_video_list_is_not()
    {
        await using var gateway = LimitedGateway(exportsPerMinute: 10, queriesPerMinute: 1);
        using var http = gateway.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/videos?region=US")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/videos?q=a")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("/api/videos?q=b")).StatusCode);
    }

    [Fact]
    public async Task Exports_have_their_own_per_minute_limit()
    {
        await using var gateway = LimitedGateway(exportsPerMinute: 1, queriesPerMinute: 100);
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Export)).StatusCode);
        var response = await http.GetAsync(Export);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("rate limit of 1 exports a minute", problem!.Detail);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/regions/US/gaps")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var gateway = LimitedGateway(exportsPerMinute: 10, queriesPerMinute: 1, trustedProxies: "10.0.0.0/8, 127.0.0.1");
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(http, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(http, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(http, forwardedFor: "203.0.113.2"));
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored()
    {
        await using var gateway = LimitedGateway(exportsPerMinute: 10, queriesPerMinute: 1);
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await SearchAsync(http, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(http, forwardedFor: "203.0.113.2"));
    }

    [Theory]
    [InlineData("RateLimits:TrustedProxies", "10.0.0.0/8, proxy.example")]
    [InlineData("RateLimits:QueriesPerMinute", "0")]
    [InlineData("RateLimits:ExportsPerMinute", "-1")]
    [InlineData("Exports:MaxConcurrent", "0")]
    public void A_limit_that_is_not_positive_stops_the_gateway_at_start_naming_the_setting(string setting, string value)
    {
        using var gateway = fixture.WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), GatewayFixture.AdminToken)
            .WithWebHostBuilder(web => web.UseSetting(setting, value));

        var refused = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains(setting, refused.ToString());
    }

    private static async Task<HttpStatusCode> SearchAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/videos?q=a");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private WebApplicationFactory<GatewayApiOptions> LimitedGateway(int exportsPerMinute, int queriesPerMinute, string trustedProxies = "") =>
        fixture.WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), GatewayFixture.AdminToken).WithWebHostBuilder(web =>
        {
            web.UseSetting("RateLimits:ExportsPerMinute", exportsPerMinute.ToString());
            web.UseSetting("RateLimits:QueriesPerMinute", queriesPerMinute.ToString());
            web.UseSetting("RateLimits:TrustedProxies", trustedProxies);
            web.ConfigureServices(services => services.AddTransient<IStartupFilter, LoopbackConnections>());
        });

    /// <summary>The test server's requests come from no address; these come from loopback, as a local proxy's would.</summary>
    private sealed class LoopbackConnections : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
