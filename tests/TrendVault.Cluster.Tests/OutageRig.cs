using System.Globalization;
using System.Net;
using System.Text.Json;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// A cluster of real processes on a PostgreSQL server of its own, for tests that take the database away
/// for minutes while YouTube (the fake API) stays up: stops and starts the server, reads the silos' spool
/// of held charts, and waits for the cluster to catch up afterwards.
/// </summary>
public sealed class OutageRig : IAsyncDisposable
{
    private OutageRig(string logs, DedicatedPostgres server, ProcessCluster cluster, CollectionLedger ledger)
    {
        Logs = logs;
        Server = server;
        Cluster = cluster;
        Ledger = ledger;
    }

    public string Logs { get; }

    public DedicatedPostgres Server { get; }

    public ProcessCluster Cluster { get; }

    public CollectionLedger Ledger { get; }

    private TimeSpan BucketSize => Cluster.Settings.BucketSize;

    public static async Task<OutageRig> StartAsync(string test, ClusterSettings settings)
    {
        var logs = TestLogs.Folder(test);
        var server = await DedicatedPostgres.StartAsync();
        try
        {
            var connectionString = await server.MigrateAsync("trendvault", logs);
            var cluster = await ProcessCluster.StartAsync(logs, connectionString, settings);
            // Without pooling, the test's own queries never pick up a connection the outage broke.
            return new OutageRig(logs, server, cluster, new CollectionLedger(connectionString + ";Pooling=false"));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until every region has collected the current bucket and returns it.</summary>
    public Task<DateTimeOffset> WarmBucketAsync() =>
        Eventually.WaitAsync("a current bucket that every region has collected", TimeSpan.FromSeconds(90), async () =>
        {
            Cluster.ThrowIfAnyExited();
            var current = CollectionLedger.Floor(DateTimeOffset.UtcNow, BucketSize);
            return (await Ledger.AllSucceededAsync(Cluster.Settings.Regions, current, BucketSize), current);
        }, Cluster.Diagnostics, TimeSpan.FromMilliseconds(250));

    /// <summary>The charts held in the silos' spool now, as (region, bucket).</summary>
    public IReadOnlyList<(string Region, DateTimeOffset Bucket)> HeldCharts() => !Directory.Exists(Cluster.SpoolFolder) ? [] :
        Directory.EnumerateFiles(Cluster.SpoolFolder, "*.chart.json.gz")
            .Select(file => Path.GetFileName(file).Split('.'))
            .Select(parts => (parts[1], DateTimeOffset.ParseExact(parts[0], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .OrderBy(held => held.Item2).ThenBy(held => held.Item1)
            .ToList();

    public long HeldBytes() => !Directory.Exists(Cluster.SpoolFolder) ? 0 :
        Directory.EnumerateFiles(Cluster.SpoolFolder, "*.chart.json.gz").Sum(file => new FileInfo(file).Length);

    /// <summary>
    /// While the database is away: /health/ready is 503 and names PostgreSQL, and a database-backed endpoint
    /// answers 503 problem+json with Retry-After. Returns the readiness body.
    /// </summary>
    public Task<string> GatewayReportsOutageAsync() =>
        Eventually.WaitAsync("the gateway to report the database outage", TimeSpan.FromSeconds(30), async () =>
        {
            using var ready = await Cluster.Api.GetAsync("health/ready");
            var readiness = await ready.Content.ReadAsStringAsync();
            using var board = await Cluster.Api.GetAsync("api/regions/US/trending");
            var problem = await board.Content.ReadAsStringAsync();
            var reported = ready.StatusCode == HttpStatusCode.ServiceUnavailable
                && readiness.Contains("PostgreSQL is not reachable", StringComparison.Ordinal)
                && board.StatusCode == HttpStatusCode.ServiceUnavailable
                && board.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && board.Headers.RetryAfter is not null
                && JsonDocument.Parse(problem).RootElement.GetProperty("status").GetInt32() == 503;
            return (reported, $"ready {(int)ready.StatusCode} {readiness}; board {(int)board.StatusCode} {board.Content.Headers.ContentType} {problem}");
        }, Cluster.Diagnostics, TimeSpan.FromSeconds(1));

    /// <summary>
    /// While the database is away, /api/status still answers: the database unreachable, and the held charts the
    /// silo reports equal to the files in its spool. A report may be a period older than the files, so the two
    /// agree only between new charts: retried until a request falls in such a stretch (a bucket is 2 minutes).
    /// Returns the held count it showed.
    /// </summary>
    public Task<int> StatusShowsHeldChartsAsync() =>
        Eventually.WaitAsync("/api/status to show the charts held in the spool", BucketSize + TimeSpan.FromSeconds(60), async () =>
        {
            var before = HeldCharts().Count;
            using var response = await Cluster.Api.GetAsync("api/status");
            var body = await response.Content.ReadAsStringAsync();
            var after = HeldCharts().Count;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (false, 0);
            }
            var status = JsonDocument.Parse(body).RootElement;
            var shown = status.GetProperty("held").GetProperty("charts").GetInt32();
            var silo = status.GetProperty("silos")[0].GetProperty("held");
            var shows = !status.GetProperty("database").GetProperty("reachable").GetBoolean()
                && before > 0 && before == after && shown == before
                && silo.ValueKind == JsonValueKind.Object && silo.GetProperty("charts").GetInt32() == before;
            return (shows, shown);
        }, () => $"Held: {HeldCharts().Count}{Environment.NewLine}{Cluster.Diagnostics()}", TimeSpan.FromSeconds(1));

    /// <summary>
    /// After the database returned: every held chart written (the spool empty), the gateway ready again, and the
    /// current bucket collected. Returns that bucket, the last of the window to check.
    /// </summary>
    public Task<DateTimeOffset> CaughtUpAsync(IEnumerable<ManagedProcess>? stopped = null) =>
        Eventually.WaitAsync("the spool to empty, the gateway to be ready and the current bucket collected", 2 * BucketSize + TimeSpan.FromSeconds(90), async () =>
        {
            Cluster.ThrowIfAnyExited(except: stopped);
            var current = CollectionLedger.Floor(DateTimeOffset.UtcNow, BucketSize);
            using var ready = await Cluster.Api.GetAsync("health/ready");
            var done = HeldCharts().Count == 0 && ready.IsSuccessStatusCode
                && await Ledger.AllSucceededAsync(Cluster.Settings.Regions, current, BucketSize);
            return (done, current);
        }, () => $"Held: {string.Join(", ", HeldCharts())}{Environment.NewLine}{Cluster.Diagnostics()}", TimeSpan.FromSeconds(1));

    /// <summary>What GET /api/regions/{code}/gaps reports for [from, to], for every region.</summary>
    public async Task<IReadOnlyList<string>> GatewayGapsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var gaps = new List<string>();
        foreach (var region in Cluster.Settings.Regions)
        {
            using var report = JsonDocument.Parse(await Cluster.Api.GetStringAsync($"api/regions/{region}/gaps?from={Iso(from)}&to={Iso(to)}"));
            gaps.AddRange(report.RootElement.GetProperty("gaps").EnumerateArray()
                .Select(gap => $"{region} {gap.GetProperty("bucket").GetDateTimeOffset():HH:mm:ss} {gap.GetProperty("status").GetString()}"));
        }
        return gaps;
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    /// <summary>Reminder ticks each region's grain has received, from the running silos' trendvault_collection_ticks_total.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TicksAsync()
    {
        var scrapes = await Cluster.ScrapeSilosAsync();
        return Cluster.Settings.Regions.ToDictionary(region => region,
            region => (int)scrapes.Sum(metrics => metrics.Sum("trendvault_collection_ticks_total", ("region", region))));
    }

    /// <summary>The ticks each region received between two readings of <see cref="TicksAsync"/>.</summary>
    public static IReadOnlyDictionary<string, int> TicksBetween(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        after.ToDictionary(tick => tick.Key, tick => tick.Value - before.GetValueOrDefault(tick.Key));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Ledger.DisposeAsync();
            await Cluster.DisposeAsync();
        }
        finally
        {
            Server.KeepLogIn(Logs);
            await Server.DisposeAsync();
        }
    }
}
