using System.Net;
using TrendVault.FakeYouTube.Data;
using TrendVault.FakeYouTube.Diagnostics;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube;

/// <summary>The simulated API running in-process on a free loopback port, reached over real HTTP.</summary>
public sealed class FakeYouTubeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeYouTubeServer(WebApplication app, Uri rootUrl)
    {
        _app = app;
        RootUrl = rootUrl;
        BaseUrl = new Uri(rootUrl, "youtube/v3/");
        Faults = app.Services.GetRequiredService<FakeFaults>();
        BrokenItems = app.Services.GetRequiredService<FakeBrokenItems>();
        Requests = app.Services.GetRequiredService<FakeRequestCounter>();
        Catalog = app.Services.GetRequiredService<FakeCatalog>();
    }

    /// <summary>http://127.0.0.1:PORT/youtube/v3/ – the API base URL a client is configured with.</summary>
    public Uri BaseUrl { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri RootUrl { get; }

    public FakeFaults Faults { get; }

    public FakeBrokenItems BrokenItems { get; }

    public FakeRequestCounter Requests { get; }

    public FakeCatalog Catalog { get; }

    public static async Task<FakeYouTubeServer> StartAsync(
        FakeYouTubeOptions? options = null, TimeProvider? timeProvider = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // Explicit options, never configuration, so a test's server does not depend on the environment it runs in.
        var app = FakeYouTubeApp.Build(builder, options ?? new FakeYouTubeOptions(), timeProvider);
        try
        {
            await app.StartAsync(ct);
            return new FakeYouTubeServer(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
