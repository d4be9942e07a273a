using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// TrendVault as separate processes on this machine, started like scripts/run.sh starts them: the fake
/// YouTube API, N silos (distinct silo and gateway ports, one PostgreSQL database, a cluster id of
/// their own) and the REST gateway, each logging to a file of one folder. Disposing kills
/// every process it started.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // Failure detection in seconds rather than Orleans' production defaults (probes every 5 s, 3 misses,
    // membership table read every 60 s), and reminders allowed to tick every few seconds (Orleans' minimum
    // period is 1 minute). A SIGKILLed silo's sockets close at once, so probes of it fail fast.
    private static readonly Dictionary<string, string> FastFailover = new()
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "2",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:02",
        ["Orleans__Membership__DeathVoteExpirationTimeout"] = "00:00:20",
        ["Orleans__ReminderOptions__MinimumReminderPeriod"] = "00:00:01",
    };

    // One line per log entry, so a line's time stamp is its entry's.
    private static readonly Dictionary<string, string> SingleLineLogs = new()
    {
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
    };

    private readonly List<ManagedProcess> _silos = [];
    private readonly Dictionary<ManagedProcess, int> _siloPorts = [];
    private readonly Dictionary<ManagedProcess, Uri> _metricsUrls = [];
    private readonly string _connectionString;
    private readonly string _staticRoot;

    private ProcessCluster(string logFolder, string connectionString, ClusterSettings settings)
    {
        Settings = settings;
        _connectionString = connectionString;
        ClusterId = $"cluster-test-{Guid.NewGuid():N}"[..24];
        LogFolder = logFolder;
        _staticRoot = Path.Combine(Path.GetTempPath(), "trendvault-" + ClusterId);
    }

    public ClusterSettings Settings { get; }

    /// <summary>The silos' spool of held charts: one folder for the cluster, as silos on one host share it.</summary>
    public string SpoolFolder => Path.Combine(_staticRoot, "spool");

    /// <summary>Unique per cluster, so dead silos of earlier runs (they stay in the membership table) never matter.</summary>
    public string ClusterId { get; }

    public string LogFolder { get; }

    public ManagedProcess FakeYouTube { get; private set; } = null!;

    /// <summary>The fake YouTube API's root (its API is under youtube/v3/, its controls under _fake/).</summary>
    public Uri FakeYouTubeUrl { get; private set; } = null!;

    public IReadOnlyList<ManagedProcess> Silos => _silos;

    public ManagedProcess Gateway { get; private set; } = null!;

    /// <summary>Every region reminder tick of every silo, read from their meters from the start.</summary>
    public TickRecorder Ticks { get; private set; } = null!;

    /// <summary>A client of the gateway's REST API.</summary>
    public HttpClient Api { get; private set; } = null!;

    private IEnumerable<ManagedProcess> All => new[] { Gateway }.Concat(_silos).Append(FakeYouTube).Where(p => p is not null);

    /// <param name="logFolder">Where each process's log goes (see <see cref="TestLogs"/>).</param>
    public static async Task<ProcessCluster> StartAsync(string logFolder, string connectionString, ClusterSettings settings)
    {
        var cluster = new ProcessCluster(logFolder, connectionString, settings);
        try
        {
            await cluster.StartAllAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync()
    {
        Directory.CreateDirectory(LogFolder);
        var fakePort = FreePort.Next();
        FakeYouTubeUrl = new Uri($"http://127.0.0.1:{fakePort}/");
        FakeYouTube = ManagedProcess.Start("fake-youtube", ProductBinaries.Dll(ProductBinaries.FakeYouTube),
            new Dictionary<string, string>(SingleLineLogs) { ["ASPNETCORE_URLS"] = FakeYouTubeUrl.ToString().TrimEnd('/') }, LogPath("fake-youtube"));
        await FakeYouTube.WaitForLineAsync("Application started", StartTimeout);

        for (var i = 0; i < Settings.Silos; i++)
        {
            StartSilo(i);
        }
        Ticks = TickRecorder.Start(this);

        var gatewayPort = FreePort.Next();
        Gateway = ManagedProcess.Start("gateway", ProductBinaries.Dll(ProductBinaries.Gateway), new Dictionary<string, string>(SingleLineLogs)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{gatewayPort}",
            ["ConnectionStrings__Postgres"] = _connectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
            ["Collection__BucketSize"] = Format(Settings.BucketSize),
            ["YOUTUBE_BASE_URL"] = new Uri(FakeYouTubeUrl, "youtube/v3/").ToString(),
            ["Catalog__StaticRoot"] = _staticRoot,
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            // A grain call caught in flight by a silo's SIGKILL is never answered: the client gives up only after this.
            ["Orleans__Messaging__ResponseTimeout"] = Format(Settings.GatewayResponseTimeout),
        }, LogPath("gateway"));
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}/"), Timeout = TimeSpan.FromSeconds(10) };

        await Eventually.WaitAsync("the gateway to be ready (/health/ready)", StartTimeout, async () =>
        {
            ThrowIfAnyExited();
            using var response = await Api.GetAsync("health/ready");
            return response.IsSuccessStatusCode;
        }, Diagnostics, TimeSpan.FromMilliseconds(500));
        await WaitForActiveSilosAsync(Settings.Silos, StartTimeout);
    }

    /// <summary>Starts one more silo process (a restart of a stopped one, or a new member).</summary>
    public ManagedProcess StartSilo() => StartSilo(_silos.Count);

    private ManagedProcess StartSilo(int index)
    {
        var environment = new Dictionary<string, string>(FastFailover)
        {
            ["ConnectionStrings__Postgres"] = _connectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Metrics__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["YOUTUBE_API_KEY"] = "cluster-test-key",
            ["YOUTUBE_BASE_URL"] = new Uri(FakeYouTubeUrl, "youtube/v3/").ToString(),
            ["Catalog__StaticRoot"] = _staticRoot,
            ["Spool__Path"] = SpoolFolder,
            ["Spool__MaxReplayDelay"] = "00:00:05",
            ["Catalog__FlagUrlTemplate"] = new Uri(FakeYouTubeUrl, "flags/{code}.svg").ToString(),
            ["Collection__Regions"] = string.Join(",", Settings.Regions),
            ["Collection__BucketSize"] = Format(Settings.BucketSize),
            ["Collection__TickPeriod"] = Format(Settings.TickPeriod),
            ["Collection__MaxPages"] = Settings.MaxPages.ToString(CultureInfo.InvariantCulture),
            // An attempt that hangs is abandoned within its bucket and the next tick tries again.
            ["Collection__AttemptTimeout"] = Format(Settings.BucketSize),
            ["Storage__SnapshotWriter__Linger"] = Format(Settings.SnapshotLinger),
            // For reading the logs by hand: the region grain's Debug line for each tick, membership changes for when a death is declared.
            ["Logging__LogLevel__TrendVault.Grains.Regions.RegionGrain"] = "Debug",
            ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
            ["Logging__LogLevel__Polly"] = "Warning",
        };
        foreach (var (key, value) in SingleLineLogs)
        {
            environment[key] = value;
        }
        var silo = ManagedProcess.Start($"silo-{index}", ProductBinaries.Dll(ProductBinaries.Silo), environment, LogPath($"silo-{index}"));
        lock (_silos)
        {
            _siloPorts[silo] = int.Parse(environment["Orleans__SiloPort"], CultureInfo.InvariantCulture);
            _metricsUrls[silo] = new Uri($"http://127.0.0.1:{environment["Metrics__Port"]}/metrics");
            _silos.Add(silo);
        }
        return silo;
    }

    /// <summary>The silo-to-silo port, which identifies the silo in the membership table.</summary>
    public int SiloPortOf(ManagedProcess silo) => _siloPorts[silo];

    /// <summary>Every silo started so far with its Prometheus endpoint; safe while a test starts another.</summary>
    public IReadOnlyList<(ManagedProcess Silo, Uri Metrics)> SilosWithMetrics()
    {
        lock (_silos)
        {
            return _silos.Select(silo => (silo, _metricsUrls[silo])).ToList();
        }
    }

    /// <summary>The silo's Prometheus endpoint (GET /metrics on its Metrics__Port).</summary>
    public Uri MetricsUrlOf(ManagedProcess silo) => _metricsUrls[silo];

    /// <summary>One scrape of each running silo's /metrics, in the order the silos were started.</summary>
    public async Task<IReadOnlyList<PrometheusText>> ScrapeSilosAsync() =>
        await Task.WhenAll(Silos.Where(silo => !silo.HasExited).Select(silo => PrometheusText.ScrapeAsync(MetricsUrlOf(silo))));

    /// <summary>The silos the cluster reports active, as the gateway's /api/status lists them.</summary>
    public async Task<IReadOnlyList<string>> ActiveSilosAsync()
    {
        using var status = await Api.GetFromJsonAsync<JsonDocument>("api/status")
            ?? throw new InvalidOperationException("/api/status answered nothing.");
        return status.RootElement.GetProperty("silos").EnumerateArray()
            .Select(s => $"{s.GetProperty("address").GetString()} {s.GetProperty("status").GetString()}")
            .ToList();
    }

    public Task WaitForActiveSilosAsync(int count, TimeSpan timeout) =>
        Eventually.WaitAsync($"/api/status to list {count} active silo(s)", timeout, async () =>
        {
            ThrowIfAnyExited(except: _silos.Where(s => s.StoppedAt is not null));
            var silos = await ActiveSilosAsync();
            return (silos.Count == count, silos);
        }, Diagnostics, TimeSpan.FromMilliseconds(250));

    /// <summary>Log files and the last lines of every process, for failure messages.</summary>
    public string Diagnostics() =>
        $"Logs in {LogFolder}:" + Environment.NewLine +
        string.Join(Environment.NewLine, All.Select(p => $"- {p.Name} ({(p.HasExited ? $"exited {p.ExitCode}" : "running")}): {p.LogPath}{Environment.NewLine}{p.Tail(6)}"));

    /// <summary>Fails with the logs when a process this test did not stop has exited.</summary>
    public void ThrowIfAnyExited(IEnumerable<ManagedProcess>? except = null)
    {
        var expected = except?.ToHashSet() ?? [];
        if (All.FirstOrDefault(p => p.HasExited && !expected.Contains(p)) is { } dead)
        {
            throw new ProcessExitedException($"{dead.Name} exited unexpectedly with code {dead.ExitCode}; log: {dead.LogPath}{Environment.NewLine}{dead.Tail()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        // Gateway first, then silos, then the API they call; all in parallel within each step.
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        try
        {
            if (Ticks is not null)
            {
                await Ticks.DisposeAsync();
            }
        }
        finally
        {
            await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
            if (FakeYouTube is not null)
            {
                await FakeYouTube.DisposeAsync();
            }
        }
        if (Directory.Exists(_staticRoot))
        {
            Directory.Delete(_staticRoot, recursive: true);
        }
    }

    private string LogPath(string process) => Path.Combine(LogFolder, process + ".log");

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
