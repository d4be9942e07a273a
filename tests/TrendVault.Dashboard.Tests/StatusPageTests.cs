using System.Globalization;
using Microsoft.Playwright;
using TrendVault.Gateway.Contracts;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

public sealed class StatusPageTests(DashboardFixture system) : BrowserTest(system)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public async Task The_status_page_lists_the_silo_the_data_source_and_recent_runs()
    {
        var status = await ApiAsync<ClusterStatus>("api/status");
        var page = await OpenAsync("#/status");

        var silos = page.Locator(".silos-table tbody tr");
        await Expect(silos).ToHaveCountAsync(1);
        await Expect(silos.First).ToContainTextAsync(status.Silos[0].Address);
        await Expect(silos.First).ToContainTextAsync("Active");
        await Expect(page.Locator(".lead")).ToHaveTextAsync("Data from the simulated YouTube API.");
        var runRegions = await page.Locator(".runs-table tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains("US", runRegions);
        Assert.Contains("GB", runRegions);

        await ScreenshotAsync(page, "status-desktop");
    }

    [Fact]
    public async Task The_status_page_shows_the_quota_of_the_day_and_the_gaps_of_active_regions()
    {
        var quota = (await ApiAsync<ClusterStatus>("api/status")).Quota;
        var gaps = await ApiAsync<GapReport>("api/regions/US/gaps");
        var page = await OpenAsync("#/status");

        await Expect(page.Locator(".quota")).ToContainTextAsync(
            $"{quota.UnitsUsed.ToString("N0", English)} of {quota.DailyUnits.ToString("N0", English)} units used today, {quota.UnitsRemaining.ToString("N0", English)} remaining");
        var summary = page.Locator(".gaps summary");
        await Expect(summary).ToHaveTextAsync($"United States: {gaps.Gaps.Count} of {gaps.Buckets} buckets without a successful collection");
        await summary.ClickAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Gaps of United States" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(gaps.Gaps.Count);
        await Expect(rows.First).ToContainTextAsync("Not attempted");
    }
}
