using System.Net.Http.Json;
using System.Text.Json;
using TrendVault.Testing;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// Operators scrape each silo's /metrics and the gateway's: what those say about collection must be
/// what the database says happened, and nothing secret may appear in them.
/// </summary>
public sealed class MetricsEndpointsTests : IAsyncLifetime
{
    private static readonly ClusterSettings Settings = new() { Silos = 2, Regions = ["US", "GB"] };

    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_collected_bucket_is_counted_once_with_its_chart_and_its_snapshots_in_the_silos_metrics()
    {
        await using var cluster = await ProcessCluster.StartAsync(TestLogs.Folder("metrics-endpoints"), _database.ConnectionString, Settings);
        await using var ledger = new CollectionLedger(_database.ConnectionString);
        await cluster.Api.GetStringAsync("/api/status");

        // A run row turns succeeded just before its silo counts it: compare between buckets, when both agree.
        var (silos, runs, stored) = await Eventually.WaitAsync("two collected buckets per region, counted as the database recorded them", TimeSpan.FromSeconds(120), async () =>
        {
            var silos = await cluster.ScrapeSilosAsync();
            var runs = (await ledger.RunsAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1))).Where(r => r.Status == "succeeded").ToList();
            var (stored, _) = await ledger.SnapshotCountsAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1));
            var settled = Settings.Regions.All(region =>
                runs.Count(r => r.Region == region) >= 2 && Collected(silos, "trendvault_collection_runs_total", region) == runs.Count(r => r.Region == region));
            return (settled, (silos, runs, stored));
        }, cluster.Diagnostics, TimeSpan.FromMilliseconds(500));
        // A top list asked twice: the second answer comes from the gateway's output cache.
        await cluster.Api.GetStringAsync("/api/stats/top?region=US");
        await cluster.Api.GetStringAsync("/api/stats/top?region=US");
        var gateway = new PrometheusText(await cluster.Api.GetStringAsync("/metrics"));
        var videoIds = (await _database.RowsAsync("SELECT youtube_id FROM videos")).Select(row => (string)row[0]!).ToList();

        Assert.All(Settings.Regions, region => Assert.Equal(
            runs.Where(r => r.Region == region).Sum(r => r.Videos),
            Collected(silos, "trendvault_collection_videos_total", region)));
        // Every stored snapshot was committed by a writer; a video on two charts of a bucket is committed twice and stored once.
        var written = silos.Sum(t => t.Sum("trendvault_snapshots_written_total"));
        Assert.True(stored > 0 && written >= stored, $"{written} snapshots counted as written, {stored} stored");
        Assert.True(silos.Sum(t => t.Sum("trendvault_writer_batch_size_count")) >= runs.Count / Settings.Regions.Count, "writer batches not counted");
        Assert.True(silos.Sum(t => t.Sum("trendvault_quota_units_used_total")) >= runs.Count, "each collected chart costs at least one quota unit");
        Assert.True(silos.Sum(t => t.Sum("trendvault_youtube_calls_total", ("outcome", "succeeded"))) >= runs.Count, "each collected chart is at least one successful YouTube call");
        Assert.True(gateway.Sum("http_server_request_duration_seconds_count", ("http_route", "/api/status")) >= 1, "the gateway's own requests are not counted");
        Assert.Equal((1.0, 1.0), (gateway.Sum("trendvault_gateway_output_cache_lookups_total", ("endpoint", "stats"), ("result", "miss")),
            gateway.Sum("trendvault_gateway_output_cache_lookups_total", ("endpoint", "stats"), ("result", "hit"))));
        // Orleans', the runtime's and Npgsql's own instruments are exported beside the project's.
        Assert.All(["orleans_", "dotnet_", "db_client_"], prefix => Assert.Contains(silos[0].Text.Split('\n'), line => line.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.All(silos.Append(gateway), metrics => Assert.DoesNotContain("cluster-test-key", metrics.Text, StringComparison.Ordinal));
        // Labels stay bounded: no video appears in them.
        Assert.NotEmpty(videoIds);
        Assert.All(silos.Append(gateway), metrics => Assert.DoesNotContain(videoIds, id => metrics.Text.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_silo_reports_ready_on_its_metrics_port_once_its_start_up_is_done()
    {
        await using var cluster = await ProcessCluster.StartAsync(TestLogs.Folder("silo-readiness"), _database.ConnectionString, Settings with { Silos = 1 });
        using var http = new HttpClient();
        var ready = new Uri(cluster.MetricsUrlOf(cluster.Silos[0]), "/health/ready");

        // Start-up ends by activating the configured regions: ready means their runs can begin.
        var body = await Eventually.WaitAsync("the silo's /health/ready to answer 200", TimeSpan.FromSeconds(60), async () =>
        {
            using var response = await http.GetAsync(ready);
            return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }, cluster.Diagnostics, TimeSpan.FromMilliseconds(250));
        var status = await cluster.Api.GetFromJsonAsync<JsonDocument>("api/status");

        Assert.Equal("Healthy", body);
        Assert.Equal(Settings.Regions.Order(), status!.RootElement.GetProperty("activeRegions").EnumerateArray().Select(r => r.GetString()!).Order());
    }

    private static double Collected(IEnumerable<PrometheusText> silos, string metric, string region) =>
        silos.Sum(t => t.Sum(metric, ("region", region), ("outcome", "collected")));
}
