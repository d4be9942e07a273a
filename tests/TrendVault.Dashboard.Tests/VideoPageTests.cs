using Microsoft.Playwright;
using TrendVault.Gateway.Contracts;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

public sealed class VideoPageTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task A_video_page_charts_views_likes_and_comments_with_one_point_per_collected_bucket()
    {
        var top = (await ApiAsync<TrendingBoard>("api/regions/US/trending")).Items[0];
        var snapshots = await ApiAsync<List<SnapshotPoint>>($"api/videos/{top.VideoId}/snapshots");
        Assert.Equal(2, snapshots.Count);
        var page = await OpenAsync($"#/videos/{top.VideoId}");

        await Expect(page.Locator("h1")).ToHaveTextAsync(top.Title);
        var chart = page.Locator("figure.chart");
        await Expect(chart).ToHaveAttributeAsync("data-points", "2");
        await Expect(chart.Locator(".u-title")).ToHaveTextAsync(["Views", "Likes", "Comments"]);
        await Expect(chart.Locator("canvas")).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Regions where this video was on the chart" }))
            .ToContainTextAsync("United States");

        await ScreenshotAsync(page, "video-chart-desktop");
    }

    [Fact]
    public async Task A_daily_chart_has_one_point_for_the_single_day()
    {
        var top = (await ApiAsync<TrendingBoard>("api/regions/US/trending")).Items[0];
        var page = await OpenAsync($"#/videos/{top.VideoId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Daily" }).ClickAsync();

        await Expect(page.Locator("figure.chart")).ToHaveAttributeAsync("data-points", "1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Daily" })).ToHaveAttributeAsync("aria-current", "page");
        // The time axis spans the two hours around the point, not uPlot's default of years.
        await Expect(page.Locator("figure.chart")).ToHaveAttributeAsync("data-span", "7200");
    }

    [Fact]
    public async Task A_video_with_hidden_likes_shows_hidden_and_a_placeholder_for_its_unreachable_thumbnail()
    {
        var hidden = (await ApiAsync<TrendingBoard>("api/regions/US/trending")).Items.First(i => i.Likes is null);
        var page = await OpenAsync($"#/videos/{hidden.VideoId}");

        var likes = page.GetByRole(AriaRole.List, new() { Name = "Latest counters" }).Locator("li").Nth(1);
        await Expect(likes).ToContainTextAsync("hidden");
        await Expect(page.Locator("figure.chart")).ToContainTextAsync("Likes: hidden by the channel");
        await Expect(page.Locator("figure.chart .u-title")).ToHaveTextAsync(hidden.Comments is null ? ["Views"] : ["Views", "Comments"]);
        // i.ytimg.com cannot be reached here: the image is dropped and the placeholder stays.
        await Expect(page.Locator(".video-head .thumb")).ToBeVisibleAsync();
        await Expect(page.Locator(".video-head .thumb img")).ToHaveCountAsync(0);
    }
}
