using TrendVault.Gateway.Contracts;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

/// <summary>At 375 px neither the page nor a table may need sideways scrolling.</summary>
public sealed class PhoneLayoutTests(DashboardFixture system) : BrowserTest(system)
{
    private const int PhoneWidth = 375;

    [Theory]
    [InlineData("#/regions", ".region-card", "regions-phone")]
    [InlineData("#/regions/US", ".board-table tbody tr", "trending-board-phone")]
    [InlineData("#/status", ".runs-table", "status-phone")]
    public async Task Pages_fit_a_phone_width_screen(string route, string content, string screenshot)
    {
        var page = await OpenAsync(route, PhoneWidth);

        await Expect(page.Locator(content).First).ToBeVisibleAsync();
        await ScreenshotAsync(page, screenshot);

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PhoneWidth);
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('.table-wrap')].every(wrap => wrap.scrollWidth <= wrap.clientWidth)"),
            "a table needs sideways scrolling");
    }

    [Fact]
    public async Task The_video_chart_fits_a_phone_width_screen()
    {
        var top = (await ApiAsync<TrendingBoard>("api/regions/US/trending")).Items[0];
        var page = await OpenAsync($"#/videos/{top.VideoId}", PhoneWidth);

        await Expect(page.Locator("figure.chart canvas").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "video-chart-phone");

        var chartWidth = await page.Locator("figure.chart").EvaluateAsync<double>("figure => figure.getBoundingClientRect().right");
        Assert.True(chartWidth <= PhoneWidth, $"the chart ends at {chartWidth}px");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PhoneWidth);
    }
}
