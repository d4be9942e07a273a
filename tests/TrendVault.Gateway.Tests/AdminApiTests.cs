using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AdminApiTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-0123456789")]
    [InlineData("")]
    public async Task Admin_endpoints_without_the_right_token_answer_401(string? token)
    {
        using var http = fixture.CreateClient(token);

        var response = await http.PostAsync("/api/regions/FR/collect", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Collect_with_the_token_answers_once_the_bucket_is_committed()
    {
        using var http = fixture.CreateClient(GatewayFixture.AdminToken);

        var response = await http.PostAsync("/api/regions/fr/collect", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var collected = await response.Content.ReadFromJsonAsync<CollectResponse>();
        Assert.Equal(new CollectResponse("FR", GatewayFixture.SecondBucket, 200, "collected"), collected);
        Assert.Equal(200L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM trending_entries WHERE region_code = 'FR' AND bucket = $1", GatewayFixture.SecondBucket.UtcDateTime));
    }

    [Fact]
    public async Task Activate_and_deactivate_change_the_live_state()
    {
        using var http = fixture.CreateClient(GatewayFixture.AdminToken);

        await http.PostAsync("/api/regions/IT/activate", null);
        var active = await http.GetFromJsonAsync<RegionDetail>("/api/regions/IT");
        await http.PostAsync("/api/regions/IT/deactivate", null);
        var inactive = await http.GetFromJsonAsync<RegionDetail>("/api/regions/IT");

        Assert.True(active!.Active);
        Assert.False(inactive!.Active);
        Assert.Null(inactive.NextDueAt);
    }

    [Fact]
    public async Task Admin_endpoints_are_refused_when_no_token_is_configured()
    {
        await using var gateway = fixture.WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), adminToken: null);
        using var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "anything-at-all-0123");

        var response = await http.PostAsync("/api/regions/US/activate", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("TRENDVAULT_ADMIN_TOKEN", problem!.Detail);
    }

    [Fact]
    public async Task A_failed_collection_is_a_502_with_the_reason()
    {
        // Rate limiting, not quota exhaustion: the latter would stop every later call in this shared fixture.
        fixture.YouTube.Faults.Set("ES", FakeYouTube.Faults.FakeFaultKind.RateLimitExceeded, count: 1);
        using var http = fixture.CreateClient(GatewayFixture.AdminToken);

        var response = await http.PostAsync("/api/regions/ES/collect", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("rateLimitExceeded", problem!.Detail);
    }

    [Fact]
    public async Task Refreshing_the_catalog_fetches_it_again_and_keeps_the_flags()
    {
        using var http = fixture.CreateClient(GatewayFixture.AdminToken);
        var regionCalls = fixture.YouTube.Requests.EndpointCalls("i18nRegions");

        var response = await http.PostAsync("/api/catalog/refresh", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<TrendVault.Model.CatalogSummary>();
        Assert.Equal((fixture.YouTube.Catalog.Regions.Count, true), (summary!.Regions, summary.Fetched));
        Assert.Equal(regionCalls + 1, fixture.YouTube.Requests.EndpointCalls("i18nRegions"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM regions WHERE flag_path IS NULL"));
    }

    [Fact]
    public async Task A_catalog_refresh_that_outlasts_the_gateways_call_timeout_still_answers_with_its_summary()
    {
        // Every other grain call of this gateway gives up after 50 ms; a refresh makes 110 API calls.
        await using var gateway = fixture.WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), GatewayFixture.AdminToken)
            .WithWebHostBuilder(web => web.UseSetting("Orleans:Messaging:ResponseTimeout", "00:00:00.050"));
        using var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GatewayFixture.AdminToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await http.PostAsync("/api/catalog/refresh", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed > TimeSpan.FromMilliseconds(50), $"The refresh took {watch.Elapsed}, within the short timeout: the test proves nothing.");
        Assert.True((await response.Content.ReadFromJsonAsync<TrendVault.Model.CatalogSummary>())!.Fetched);
    }

    [Fact]
    public async Task The_orleans_dashboard_asks_browsers_for_the_admin_token()
    {
        using var http = fixture.CreateClient();

        var response = await http.GetAsync("/orleans-dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_orleans_dashboard_opens_with_the_admin_token_as_basic_password()
    {
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + GatewayFixture.AdminToken)));

        var response = await http.GetAsync("/orleans-dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_admin_token_never_appears_in_a_response()
    {
        using var http = fixture.CreateClient("wrong-token-0123456789");

        var bodies = new List<string>
        {
            await (await http.PostAsync("/api/regions/US/collect", null)).Content.ReadAsStringAsync(),
            await http.GetStringAsync("/api/status"),
            await http.GetStringAsync("/openapi/v1.json"),
            await http.GetStringAsync("/metrics"),
        };

        Assert.DoesNotContain(bodies, body => body.Contains(GatewayFixture.AdminToken, StringComparison.Ordinal));
    }
}
