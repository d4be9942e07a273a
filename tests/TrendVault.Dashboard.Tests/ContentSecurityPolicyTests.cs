using Microsoft.Playwright;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Dashboard.Tests;

/// <summary>The dashboard's Content-Security-Policy allows everything its pages actually load and run.</summary>
public sealed class ContentSecurityPolicyTests(DashboardFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task No_page_of_the_dashboard_is_refused_anything_by_its_policy()
    {
        var top = (await ApiAsync<TrendingBoard>("api/regions/US/trending")).Items[0];
        string[] routes = ["#/regions", "#/regions/US", $"#/videos/{top.VideoId}", "#/top", "#/status"];
        var violations = new List<string>();

        foreach (var route in routes)
        {
            var page = await OpenAsync(route);
            // Chromium reports every refusal on the console; reload with the listener attached to see the whole load.
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    violations.Add($"{route}: {message.Text}");
                }
            };
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
            await page.CloseAsync();
        }

        Assert.Empty(violations);
    }
}
