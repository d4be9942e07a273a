using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using TrendVault.FakeYouTube;
using TrendVault.Gateway;
using TrendVault.Grains;
using TrendVault.Grains.Hosting;
using TrendVault.Silo;
using TrendVault.Testing;

namespace TrendVault.Dashboard.Tests;

/// <summary>
/// The whole system in-process, as the gateway tests' fixture builds it (fake YouTube API, a real silo,
/// PostgreSQL), with the gateway on a real loopback port for Debian's Chromium driven by Playwright.
/// Charts move (turnover), US is collected in two consecutive buckets and GB in the second; US is then
/// activated, so the status page has gaps to report.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string AdminToken = "dashboard-admin-token-0123456789";
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly DateTimeOffset FirstCapture = new(2026, 3, 2, 12, 5, 0, TimeSpan.Zero);

    // Without the background-networking flags Chromium keeps dialing Google, which this network refuses.
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly FakeTimeProvider _clock = new(FirstCapture);
    private readonly string _clusterId = $"dashboard-test-{Guid.NewGuid():N}";
    private readonly string _staticRoot = Path.Combine(Path.GetTempPath(), $"trendvault-dashboard-static-{Guid.NewGuid():N}");
    private PostgresTestDatabase _database = null!;
    private FakeYouTubeServer _youTube = null!;
    private IHost _silo = null!;
    private WebApplicationFactory<GatewayApiOptions> _gateway = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    /// <summary>The gateway's real address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A client of the same gateway, for reading what the pages are expected to show.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>TestResults/screenshots at the repository root.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium).");
        }
        Directory.CreateDirectory(ScreenshotFolder);

        _database = await PostgresTestDatabase.CreateAsync();
        // Turnover slides each chart by five places an hour: videos climb, five leave at the top, five join.
        _youTube = await FakeYouTubeServer.StartAsync(new FakeYouTubeOptions { ChartTurnoverPerHour = 5 }, _clock);
        _silo = await InProcessSilo.StartAsync(_database.ConnectionString, _clusterId, _youTube, _clock, _staticRoot);
        var grains = _silo.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync();
        await grains.GetGrain<IRegionGrain>("US").CollectNowAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(grains.GetGrain<IRegionGrain>("US").CollectNowAsync(), grains.GetGrain<IRegionGrain>("GB").CollectNowAsync());
        await grains.GetGrain<IRegionGrain>("US").ActivateAsync();

        var browserStart = StartBrowserAsync();
        BaseUrl = StartGateway();
        Api = new HttpClient { BaseAddress = BaseUrl };
        await browserStart;
    }

    /// <summary>A new browser context: its own storage (so no admin token), English, UTC, desktop size.</summary>
    public Task<IBrowserContext> NewContextAsync() => _browser.NewContextAsync(new()
    {
        BaseURL = BaseUrl.ToString(),
        ViewportSize = new() { Width = 1280, Height = 900 },
        Locale = "en-US",
        TimezoneId = "UTC",
    });

    private async Task StartBrowserAsync()
    {
        // Never download a browser: Debian's Chromium is the one used.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a fresh temporary --user-data-dir of its own.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumFlags });
    }

    /// <summary>The real gateway (Program.cs) on Kestrel: a browser needs a TCP port, not the in-memory test server.</summary>
    private Uri StartGateway()
    {
        _gateway = new WebApplicationFactory<GatewayApiOptions>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString);
            web.UseSetting("Orleans:ClusterId", _clusterId);
            web.UseSetting("Orleans:ServiceId", _clusterId);
            web.UseSetting("YOUTUBE_BASE_URL", _youTube.BaseUrl.ToString());
            web.UseSetting("Catalog:StaticRoot", _staticRoot);
            web.UseSetting("TRENDVAULT_ADMIN_TOKEN", AdminToken);
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            // The gateway's "now" (default gap range) must be the collection's fake clock.
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        _gateway.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _gateway.StartServer();
        var address = _gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address.TrimEnd('/') + "/");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrendVault.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("TrendVault.sln not found above " + AppContext.BaseDirectory);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
        if (_youTube is not null) await _youTube.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (Directory.Exists(_staticRoot)) Directory.Delete(_staticRoot, recursive: true);
    }
}
