using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TrendVault.Processes;

namespace TrendVault.Bench.Hosting;

/// <summary>
/// One silo and optionally gateways (one without its output cache, one with) on one benchmark database,
/// started as scripts/run.sh starts them (separate processes, ADO.NET clustering, the fake API), plus an
/// Orleans client the benchmarks drive grains with. The catalog loads from the fake API; no region is
/// activated, the benchmarks decide when to collect.
/// </summary>
public sealed class ProductCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly IHost _clientHost;

    private readonly IReadOnlyList<ManagedProcess> _gateways;

    private ProductCluster(ManagedProcess silo, Uri siloMetricsUrl, IReadOnlyList<ManagedProcess> gateways, Uri? gatewayUrl, Uri? cachedGatewayUrl, IHost clientHost)
    {
        Silo = silo;
        SiloMetricsUrl = siloMetricsUrl;
        _gateways = gateways;
        GatewayUrl = gatewayUrl;
        CachedGatewayUrl = cachedGatewayUrl;
        _clientHost = clientHost;
        Client = clientHost.Services.GetRequiredService<IClusterClient>();
    }

    public ManagedProcess Silo { get; }

    /// <summary>The silo's Prometheus endpoint: what the benchmarks learn of the silo's work, they read there.</summary>
    public Uri SiloMetricsUrl { get; }

    /// <summary>The gateway without its output cache (<see cref="ClusterSettings.WithGateway"/>).</summary>
    public Uri? GatewayUrl { get; }

    /// <summary>The gateway with its output cache on (<see cref="ClusterSettings.WithCachedGateway"/>).</summary>
    public Uri? CachedGatewayUrl { get; }

    public IClusterClient Client { get; }

    public static async Task<ProductCluster> StartAsync(string name, BenchDatabase database, FakeYouTubeProcess fake, ClusterSettings settings, string logDirectory)
    {
        var clusterId = $"bench-{name}-{Guid.NewGuid():N}"[..24];
        var staticRoot = Path.Combine(logDirectory, "static");
        var bucket = settings.BucketSize.ToString("c", CultureInfo.InvariantCulture);
        // Twice per bucket: the trackers must get a tick after their wait (a third of the bucket).
        var tick = (settings.BucketSize / 2).ToString("c", CultureInfo.InvariantCulture);
        var metricsPort = FreePort.Next();
        var silo = ManagedProcess.Start($"silo-{name}", ProductBinaries.Dll(ProductBinaries.Silo), new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Metrics__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture),
            // Ticks as short as the benchmark's buckets; Orleans refuses reminder periods under a minute otherwise.
            ["Orleans__ReminderOptions__MinimumReminderPeriod"] = "00:00:01",
            ["YOUTUBE_API_KEY"] = "bench-key",
            ["YOUTUBE_BASE_URL"] = fake.ApiUrl.ToString(),
            ["Catalog__StaticRoot"] = staticRoot,
            ["Catalog__FlagUrlTemplate"] = new Uri(fake.RootUrl, "flags/{code}.svg").ToString(),
            ["Collection__Regions"] = "",
            ["Collection__BucketSize"] = bucket,
            ["Collection__TickPeriod"] = tick,
            ["Tracking__Days"] = settings.TrackingDays.ToString(CultureInfo.InvariantCulture),
            ["Quota__DailyUnits"] = settings.DailyUnits.ToString(CultureInfo.InvariantCulture),
            // As a deployment would: the silo's appsettings leave Orleans' Polly pipelines at Information,
            // two console lines per grain placement.
            ["Logging__LogLevel__Polly"] = "Warning",
        }, Path.Combine(logDirectory, $"silo-{name}.log"));
        var gateways = new List<ManagedProcess>();
        IHost? client = null;
        async Task<Uri> StartGatewayAsync(string processName, bool outputCache)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var process = ManagedProcess.Start(processName, ProductBinaries.Dll(ProductBinaries.Gateway), new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
                ["ConnectionStrings__Postgres"] = database.ConnectionString,
                ["Orleans__ClusterId"] = clusterId,
                ["Orleans__ServiceId"] = clusterId,
                ["YOUTUBE_BASE_URL"] = fake.ApiUrl.ToString(),
                ["Catalog__StaticRoot"] = staticRoot,
                ["OutputCache__Enabled"] = outputCache ? "true" : "false",
                // As a deployment would: no per-request Information lines on the console.
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                // One client measuring hundreds of requests a second: the per-client limits would answer 429s.
                ["RateLimits__ExportsPerMinute"] = "1000000",
                ["RateLimits__QueriesPerMinute"] = "1000000",
            }, Path.Combine(logDirectory, $"{processName}.log"));
            gateways.Add(process);
            await WaitUntilReadyAsync(process, url);
            return url;
        }
        try
        {
            // The silo is ready once its start-up is done: catalog loaded from the fake API, trackers and compaction scheduled.
            await WaitUntilReadyAsync(silo, new Uri($"http://127.0.0.1:{metricsPort}/"));
            var gatewayUrl = settings.WithGateway ? await StartGatewayAsync($"gateway-{name}", outputCache: false) : null;
            var cachedGatewayUrl = settings.WithCachedGateway ? await StartGatewayAsync($"gateway-cached-{name}", outputCache: true) : null;
            client = await ConnectAsync(database.ConnectionString, clusterId);
            return new ProductCluster(silo, new Uri($"http://127.0.0.1:{metricsPort}/metrics"), gateways, gatewayUrl, cachedGatewayUrl, client);
        }
        catch
        {
            client?.Dispose();
            foreach (var process in gateways)
            {
                await process.DisposeAsync();
            }
            await silo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _clientHost.StopAsync();
        _clientHost.Dispose();
        foreach (var process in _gateways)
        {
            await process.DisposeAsync();
        }
        await Silo.DisposeAsync();
    }

    /// <summary>Polls the process's /health/ready (the gateway's, or the silo's on its metrics port) until it answers 200.</summary>
    private static async Task WaitUntilReadyAsync(ManagedProcess process, Uri url)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            process.ThrowIfExited();
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{process.Name} was not ready within {StartTimeout.TotalSeconds:F0} s; see {process.LogPath}");
            }
            await Task.Delay(200);
        }
    }

    private static async Task<IHost> ConnectAsync(string connectionString, string clusterId)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = clusterId;
                });
                // A refresh of 100,000 videos is one grain call that takes longer than the default 30 s.
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(15));
            })
            .Build();
        await host.StartAsync();
        return host;
    }
}
