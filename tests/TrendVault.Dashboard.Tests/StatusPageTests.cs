using System.Globalization;
using System.Text.Json;
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
        await Expect(page.Locator(".held")).ToHaveTextAsync("No chart is held back: everything collected is in the database.");
        await Expect(page.Locator(".database-down")).ToHaveCountAsync(0);
        await Expect(page.Locator(".lead")).ToHaveTextAsync("Data from the simulated YouTube API.");
        var runRegions = await page.Locator(".runs-table tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains("US", runRegions);
        Assert.Contains("GB", runRegions);

        await ScreenshotAsync(page, "status-desktop");
    }

    [Fact]
    public async Task The_status_page_shows_the_quota_of_the_day_and_the_gaps_of_active_regions()
    {
        var quota = (await ApiAsync<ClusterStatus>("api/status")).Quota!;
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

    [Fact]
    public async Task While_the_database_is_away_the_status_page_says_so_and_shows_what_each_silo_holds()
    {
        var status = await ApiAsync<ClusterStatus>("api/status");
        var silo = status.Silos[0] with { Held = new HeldInfo(3, 3 * 1024 * 1024) };
        var away = status with
        {
            Silos = [silo],
            ActiveRegions = null,
            Tracking = null,
            LastRuns = null,
            Retention = null,
            BrokenItems = null,
            Database = new DatabaseInfo(Reachable: false, "PostgreSQL did not answer (NpgsqlException)."),
            Held = silo.Held!,
        };
        // The fixture's database cannot go away under the other tests: the page gets the gateway's degraded answer instead.
        await Context.RouteAsync("**/api/status", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(away, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        }));
        var page = await OpenAsync("#/status");

        await Expect(page.Locator(".database-down")).ToHaveTextAsync("The database is unreachable: PostgreSQL did not answer (NpgsqlException).");
        await Expect(page.Locator(".silos-table tbody tr").First).ToContainTextAsync("3.0 MiB");
        await Expect(page.Locator(".held")).ToHaveTextAsync("3 charts (3.0 MiB) held on the silos until the database takes them.");
        await Expect(page.Locator(".quota")).ToBeVisibleAsync();
        await Expect(page.Locator(".runs-table")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "status-database-away");
    }
}
