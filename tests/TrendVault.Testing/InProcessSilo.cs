using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using TrendVault.FakeYouTube;
using TrendVault.Grains;
using TrendVault.Grains.Hosting;
using TrendVault.Silo;

namespace TrendVault.Testing;

/// <summary>
/// A silo built the way the silo host builds one (ADO.NET clustering, grain storage and reminders on
/// PostgreSQL), on free loopback ports, talking to the fake YouTube API on the test's clock. The
/// gateway under test finds it through the membership table, as in production.
/// </summary>
public static class InProcessSilo
{
    public static async Task<IHost> StartAsync(string connectionString, string clusterId, FakeYouTubeServer youTube, TimeProvider clock, string staticRoot)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["YOUTUBE_API_KEY"] = "test-key",
            ["YOUTUBE_BASE_URL"] = youTube.BaseUrl.ToString(),
            ["Collection:Regions"] = "",
            ["Catalog:StaticRoot"] = staticRoot,
            ["Spool:Path"] = Path.Combine(staticRoot, "spool"),
            ["Catalog:FlagUrlTemplate"] = new Uri(youTube.RootUrl, "flags/{code}.svg").ToString(),
            ["Catalog:LoadOnStart"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKeyedSingleton(CollectionClock.Key, clock);
        builder.Services.AddTrendVaultCollection(builder.Configuration);
        builder.UseOrleans(silo => silo
            .AddTrendVaultClustering(connectionString, new SiloHostOptions
            {
                ClusterId = clusterId,
                ServiceId = clusterId,
                SiloPort = FreePort(),
                GatewayPort = FreePort(),
            })
            .AddTrendVaultPersistence(connectionString)
            .AddDashboard());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
