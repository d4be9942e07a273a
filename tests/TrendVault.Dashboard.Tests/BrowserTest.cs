using System.Net.Http.Json;
using Microsoft.Playwright;

namespace TrendVault.Dashboard.Tests;

/// <summary>Base of the page tests: one browser context per test, closed after it.</summary>
[Collection(DashboardCollection.Name)]
public abstract class BrowserTest(DashboardFixture system) : IAsyncLifetime
{
    private IBrowserContext? _context;

    protected DashboardFixture App { get; } = system;

    /// <summary>This test's browser context, e.g. to answer a request with a shape the running system cannot produce.</summary>
    protected IBrowserContext Context => _context!;

    /// <summary>Opens the dashboard at a hash route, e.g. "#/regions/US", at desktop size or the given width.</summary>
    protected async Task<IPage> OpenAsync(string route, int? width = null)
    {
        var page = await _context!.NewPageAsync();
        if (width is { } narrow)
        {
            await page.SetViewportSizeAsync(narrow, 812);
        }
        await page.GotoAsync("/" + route);
        return page;
    }

    /// <summary>What the API answers: the truth the page is checked against.</summary>
    protected async Task<T> ApiAsync<T>(string path) => (await App.Api.GetFromJsonAsync<T>(path))!;

    /// <summary>Saves TestResults/screenshots/NAME.png once the images in view have loaded (or failed).</summary>
    /// <remarks>
    /// Waits with one evaluated promise rather than WaitForFunction: the latter polls by eval-ing its
    /// expression in the page, which the dashboard's Content-Security-Policy (no 'unsafe-eval') refuses.
    /// </remarks>
    protected async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => Promise.allSettled([...document.images].filter(img => img.checkVisibility() && img.getBoundingClientRect().top < innerHeight).map(img => img.decode()))");
        await page.ScreenshotAsync(new() { Path = Path.Combine(App.ScreenshotFolder, name + ".png") });
    }

    public async Task InitializeAsync() => _context = await App.NewContextAsync();

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
    }
}
