using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrendVault.Gateway.Contracts;
using static Microsoft.Playwright.Assertions;

namespace TrendVault.Dashboard.Tests;

public sealed class TrendingBoardTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task The_board_lists_the_chart_in_rank_order_with_titles_and_readable_counts()
    {
        var board = await ApiAsync<TrendingBoard>("api/regions/US/trending");
        var page = await OpenAsync("#/regions/US");

        var rows = page.Locator(".board-table tbody tr");
        await Expect(rows).ToHaveCountAsync(board.Items.Count);
        var ranks = await rows.Locator(".rank-number").AllInnerTextsAsync();
        Assert.Equal(board.Items.Select(i => i.Rank.ToString(CultureInfo.InvariantCulture)), ranks);
        var titles = await rows.Locator(".title").AllInnerTextsAsync();
        Assert.Equal(board.Items.Select(i => i.Title), titles);

        var first = board.Items[0];
        var views = rows.First.Locator("td.views .num");
        await Expect(views).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?[KMB]$"));
        await Expect(views).ToHaveAttributeAsync("title", first.Views!.Value.ToString("N0", CultureInfo.GetCultureInfo("en-US")));

        await ScreenshotAsync(page, "trending-board-desktop");
    }

    [Fact]
    public async Task The_board_shows_rank_moves_and_view_gains_since_the_previous_bucket()
    {
        var now = await ApiAsync<TrendingBoard>("api/regions/US/trending");
        var before = await ApiAsync<TrendingBoard>($"api/regions/US/trending?at={Uri.EscapeDataString(now.CapturedAt!.Value.AddSeconds(-1).ToString("O"))}");
        var earlier = before.Items.ToDictionary(i => i.VideoId);
        var climber = now.Items.First(i => earlier.TryGetValue(i.VideoId, out var e) && e.Rank > i.Rank);
        var newcomer = now.Items.First(i => !earlier.ContainsKey(i.VideoId));
        var page = await OpenAsync("#/regions/US");

        var climberRow = page.Locator($"tr[data-video-id='{climber.VideoId}']");
        await ExpectMove(climberRow.Locator(".move.up"), "▲", earlier[climber.VideoId].Rank - climber.Rank, $"Up from #{earlier[climber.VideoId].Rank}");
        var gained = climber.Views!.Value - earlier[climber.VideoId].Views!.Value;
        await Expect(climberRow.Locator("td.gain .num")).ToHaveAttributeAsync("title", "+" + gained.ToString("N0", CultureInfo.GetCultureInfo("en-US")));
        var newcomerRow = page.Locator($"tr[data-video-id='{newcomer.VideoId}']");
        await Expect(newcomerRow.Locator(".move")).ToHaveTextAsync("NEW");
        await Expect(newcomerRow.Locator("td.gain")).ToHaveTextAsync("—");
    }

    // The arrow and the number are what a person sees; the words in between are for screen readers.
    private static async Task ExpectMove(ILocator move, string arrow, int places, string title)
    {
        await Expect(move).ToHaveTextAsync(new Regex($"^{arrow}.*{places}$"));
        await Expect(move).ToHaveAttributeAsync("title", title);
    }

    [Fact]
    public async Task A_hidden_like_count_reads_hidden_never_zero()
    {
        var board = await ApiAsync<TrendingBoard>("api/regions/US/trending");
        var hidden = board.Items.First(i => i.Likes is null);
        var page = await OpenAsync("#/regions/US");

        var likes = page.Locator($"tr[data-video-id='{hidden.VideoId}'] td.likes");
        await Expect(likes).ToHaveTextAsync("hidden");
    }

    [Fact]
    public async Task The_time_picker_shows_an_earlier_bucket_without_moves_before_the_first()
    {
        var page = await OpenAsync("#/regions/US");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Previous bucket" }).ClickAsync();

        await Expect(page.Locator(".board-table caption")).ToContainTextAsync(new Regex(@"bucket of Mar 2, 2026, 12:00\sPM \(the first one collected\)"));
        await Expect(page.Locator("#bucket-at")).ToHaveValueAsync("2026-03-02T12:00");
        await Expect(page.Locator(".board-table .move")).ToHaveCountAsync(0);
    }
}
