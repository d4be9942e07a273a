using Microsoft.Playwright;

namespace TrendVault.Dashboard.Tests;

/// <summary>Everything a page asks of the gateway itself is there: no 404 on a first visit (favicon included).</summary>
public sealed class OwnFilesTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task A_first_visit_asks_the_gateway_for_nothing_it_does_not_have()
    {
        var page = await OpenAsync("#/regions");
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(origin, StringComparison.Ordinal) && response.Status >= 400)
            {
                missing.Add($"{response.Status} {response.Url}");
            }
        };

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Empty(missing);
        // Headless Chromium does not fetch icons itself; a browser asks for the linked one, not /favicon.ico.
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        using var served = await App.Api.GetAsync(icon);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
    }
}
