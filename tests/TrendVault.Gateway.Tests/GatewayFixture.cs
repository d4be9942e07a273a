using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Dashboard;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendVault.FakeYouTube;
using TrendVault.Grains;
using TrendVault.Grains.Hosting;
using TrendVault.Silo;
using TrendVault.Testing;

namespace TrendVault.Gateway.Tests;

/// <summary>
/// The gateway in-process, joined over ADO.NET clustering to a real silo whose data came from the
/// fake YouTube API: US collected in two consecutive buckets, GB in the second.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string AdminToken = "test-admin-token-0123456789";
    public static readonly DateTimeOffset FirstBucket = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondBucket = FirstBucket.AddHours(1);
    public static readonly DateTimeOffset FirstCapture = FirstBucket.AddMinutes(5);
    public static readonly DateTimeOffset SecondCapture = SecondBucket.AddMinutes(5);

    public FakeTimeProvider Clock { get; } = new(FirstCapture);

    public PostgresTestDatabase Database { get; private set; } = null!;

    public FakeYouTubeServer YouTube { get; private set; } = null!;

    public string ClusterId { get; } = $"gateway-test-{Guid.NewGuid():N}";

    public IHost Silo { get; private set; } = null!;

    public IGrainFactory Grains => Silo.Services.GetRequiredService<IGrainFactory>();

    public WebApplicationFactory<GatewayApiOptions> Gateway { get; private set; } = null!;

    public string StaticRoot { get; } = Path.Combine(Path.GetTempPath(), $"trendvault-gateway-static-{Guid.NewGuid():N}");

    public HttpClient CreateClient(string? bearer = null)
    {
        var client = Gateway.CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    public async Task InitializeAsync()
    {
        Database = await PostgresTestDatabase.CreateAsync();
        YouTube = await FakeYouTubeServer.StartAsync(timeProvider: Clock);
        Silo = await InProcessSilo.StartAsync(Database.ConnectionString, ClusterId, YouTube, Clock, StaticRoot);

        var grains = Grains;
        await grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync();
        await grains.GetGrain<IRegionGrain>("US").CollectNowAsync();
        Clock.SetUtcNow(SecondCapture);
        await Task.WhenAll(grains.GetGrain<IRegionGrain>("US").CollectNowAsync(), grains.GetGrain<IRegionGrain>("GB").CollectNowAsync());

        Gateway = WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), AdminToken);
    }

    /// <summary>A gateway configured like this fixture's whose clock is <paramref name="clock"/> (the fixture's own, for "now" at its buckets).</summary>
    public WebApplicationFactory<GatewayApiOptions> GatewayAt(TimeProvider clock) =>
        WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), AdminToken)
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton(clock)));

    /// <summary>A gateway configured like this fixture's, with another admin token (null: none).</summary>
    public WebApplicationFactory<GatewayApiOptions> WithGatewaySettings(WebApplicationFactory<GatewayApiOptions> factory, string? adminToken) =>
        WithGatewaySettings(factory, Database.ConnectionString, ClusterId, YouTube, StaticRoot, adminToken);

    /// <summary>A gateway joining the cluster <paramref name="clusterId"/> on <paramref name="connectionString"/>'s database.</summary>
    public static WebApplicationFactory<GatewayApiOptions> WithGatewaySettings(
        WebApplicationFactory<GatewayApiOptions> factory, string connectionString, string clusterId, FakeYouTubeServer youTube, string staticRoot, string? adminToken) =>
        factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", connectionString);
            web.UseSetting("Orleans:ClusterId", clusterId);
            web.UseSetting("Orleans:ServiceId", clusterId);
            web.UseSetting("YOUTUBE_BASE_URL", youTube.BaseUrl.ToString());
            web.UseSetting("Catalog:StaticRoot", staticRoot);
            web.UseSetting("TRENDVAULT_ADMIN_TOKEN", adminToken ?? string.Empty);
            // Every test shares one client address; only the rate-limit tests set small limits.
            web.UseSetting("RateLimits:ExportsPerMinute", "100000");
            web.UseSetting("RateLimits:QueriesPerMinute", "100000");
        });

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Silo.StopAsync();
        Silo.Dispose();
        await YouTube.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(StaticRoot))
        {
            Directory.Delete(StaticRoot, recursive: true);
        }
    }
}
