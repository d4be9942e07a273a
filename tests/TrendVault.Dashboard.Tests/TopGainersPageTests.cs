using System.Globalization;
using Microsoft.Playwright;
using TrendVault.Gateway.Contracts;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

public sealed class TopGainersPageTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task Top_gainers_list_the_biggest_view_gains_of_a_region_in_order()
    {
        var gainers = await ApiAsync<List<TopGainer>>("api/stats/top?region=US&metric=views&window=24h&limit=25");
        var page = await OpenAsync("#/top");

        await page.GetByLabel("Region").SelectOptionAsync("US");

        var rows = page.Locator(".top-table tbody tr");
        await Expect(page.Locator(".top-table caption")).ToHaveTextAsync("Views gained in United States over 24 hours");
        await Expect(rows).ToHaveCountAsync(gainers.Count);
        Assert.Equal(gainers.Select(g => g.Title), await rows.Locator(".title").AllInnerTextsAsync());
        await Expect(rows.First.Locator("td").Nth(2).Locator(".num"))
            .ToHaveAttributeAsync("title", "+" + gainers[0].Gained.ToString("N0", CultureInfo.GetCultureInfo("en-US")));
        Assert.EndsWith("#/top?region=US&metric=views&window=24h", page.Url);

        await ScreenshotAsync(page, "top-gainers-desktop");
    }

    [Fact]
    public async Task Top_gainers_by_likes_follow_the_metric_chosen()
    {
        var gainers = await ApiAsync<List<TopGainer>>("api/stats/top?region=US&metric=likes&window=24h&limit=25");
        var page = await OpenAsync("#/top?region=US&metric=likes");

        await Expect(page.Locator(".top-table caption")).ToHaveTextAsync("Likes gained in United States over 24 hours");
        await Expect(page.Locator(".top-table tbody tr").First.Locator(".title")).ToHaveTextAsync(gainers[0].Title);
    }
}
