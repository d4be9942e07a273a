using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

public sealed class AdminActionTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task Collect_now_without_the_token_is_refused_with_the_gateways_message()
    {
        var page = await OpenAsync("#/regions/FR");
        // The board renders after the region; clicking earlier could hit a button about to be replaced.
        await Expect(page.Locator(".empty")).ToHaveTextAsync("Nothing collected yet.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Collect France now" }).ClickAsync();

        await Expect(page.Locator(".admin-message.error")).ToHaveTextAsync("Send Authorization: Bearer <admin token>.");
        await Expect(page.Locator(".empty")).ToHaveTextAsync("Nothing collected yet.");
    }

    [Fact]
    public async Task A_wrong_token_is_refused_too()
    {
        var page = await OpenAsync("#/regions/FR");
        await page.GetByLabel("Admin token").FillAsync("not-the-admin-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use" }).ClickAsync();
        await Expect(page.Locator(".empty")).ToHaveTextAsync("Nothing collected yet.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate France" }).ClickAsync();

        await Expect(page.Locator(".admin-message.error")).ToHaveTextAsync("The admin token is not valid.");
    }

    [Fact]
    public async Task Collect_now_with_the_token_reports_the_collection_and_shows_the_new_board()
    {
        var page = await OpenAsync("#/regions");
        await page.GetByLabel("Admin token").FillAsync(DashboardFixture.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use" }).ClickAsync();
        // With a token the grid offers the actions on every card.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Collect Japan now" })).ToBeVisibleAsync();
        await page.GotoAsync("/#/regions/JP");

        await page.GetByRole(AriaRole.Button, new() { Name = "Collect Japan now" }).ClickAsync();

        await Expect(page.Locator(".admin-message.ok")).ToHaveTextAsync(new Regex("^Collected 200 videos for the bucket of "));
        await Expect(page.Locator(".board-table tbody tr")).ToHaveCountAsync(200);
    }
}
