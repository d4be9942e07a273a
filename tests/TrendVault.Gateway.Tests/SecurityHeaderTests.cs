using System.Net;

namespace TrendVault.Gateway.Tests;

/// <summary>Every answer tells browsers not to sniff types or leak paths; the dashboard and collected files get a CSP.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SecurityHeaderTests(GatewayFixture fixture)
{
    private readonly HttpClient _http = fixture.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/regions")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/static/flags/us.svg")]
    public async Task Every_answer_forbids_sniffing_and_limits_the_referrer(string url)
    {
        var response = await _http.GetAsync(url);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task The_dashboard_runs_only_its_own_scripts_and_cannot_be_framed()
    {
        var response = await _http.GetAsync("/");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("img-src 'self' https://i.ytimg.com data:", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task An_svg_flag_is_served_sandboxed_so_it_cannot_run_script()
    {
        var response = await _http.GetAsync("/static/flags/us.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
    }
}
