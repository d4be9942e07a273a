using System.Text.RegularExpressions;
using TrendVault.Gateway.Contracts;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

public sealed class RegionsPageTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task The_region_grid_shows_every_region_with_its_flag_and_name_active_ones_first()
    {
        var regions = await ApiAsync<List<RegionSummary>>("api/regions");
        var page = await OpenAsync("#/regions");

        await Expect(page.Locator(".region-card")).ToHaveCountAsync(regions.Count);
        var us = page.Locator(".region-card[data-region=US]");
        await Expect(us.Locator(".region-name")).ToHaveTextAsync("United States");
        await us.ScrollIntoViewIfNeededAsync();
        await Expect(us.Locator("img.flag")).ToHaveAttributeAsync("src", "/static/flags/us.svg");
        Assert.True(await us.Locator("img.flag").EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)") > 0);
        await Expect(us.Locator(".badge")).ToHaveTextAsync("Active");
        await Expect(page.Locator(".region-card").First).ToHaveAttributeAsync("data-region", "US");

        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await ScreenshotAsync(page, "regions-desktop");
    }

    [Fact]
    public async Task A_region_shows_when_it_was_last_collected_and_how_the_run_went()
    {
        var page = await OpenAsync("#/regions");

        var gb = page.Locator(".region-card[data-region=GB]");
        await Expect(gb).ToContainTextAsync(new Regex(@"Last collected Mar 2, 2026, 1:00\sPM"));
        await Expect(gb.Locator(".run")).ToHaveTextAsync("Collected");
    }
}
