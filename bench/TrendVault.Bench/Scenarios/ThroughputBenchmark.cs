using System.Globalization;
using TrendVault.Bench.Load;
using TrendVault.Bench.Report;
using TrendVault.Bench.Storage;
using TrendVault.Processes;

namespace TrendVault.Bench.Scenarios;

/// <summary>Requests per second and p99 of the hot endpoints under concurrent load, against /health/live under the same load.</summary>
public static class ThroughputBenchmark
{
    public static async Task RunAsync(Uri gateway, SyntheticYear year, BenchSizes sizes, ILoadTool tool, ResultTable table, TextWriter log)
    {
        log.WriteLine($"Throughput: {sizes.ThroughputDuration.TotalSeconds:0.#} s each from {sizes.Concurrency} connections, with {tool.Name}");
        var baseline = await MeasureAsync(tool, new Uri(gateway, "health/live"), sizes);
        var baselineText = $"/health/live {baseline.RequestsPerSecond:N0} req/s, p99 {baseline.Percentile(99):F1} ms";
        // The year ends an hour before now, so its latest board is an earlier bucket's chart standing in for the
        // current one: revalidated every time, never cached. A closed bucket's board is what the output cache
        // serves, as it serves the latest board once the current bucket's chart is in (the same policy).
        var closedBucket = Uri.EscapeDataString(year.Start.AddHours(sizes.Hours / 2).AddMinutes(30).ToString("o"));
        // Issue 15's targets at 16 connections: a number of requests per second, each with p99 ≤ 20 ms.
        (string Key, string Name, string Path, int? MinRequestsPerSecond)[] endpoints =
        [
            ("throughput.video", "Throughput: GET /api/videos/{id} (gateway output cache)", $"api/videos/{SyntheticYear.YouTubeId(1)}", 3_000),
            ("throughput.board", "Throughput: latest trending board, current bucket not collected yet (no-cache)", $"api/regions/{year.Regions[0]}/trending", null),
            ("throughput.board.cached", "Throughput: trending board of a closed bucket (gateway output cache)", $"api/regions/{year.Regions[0]}/trending?at={closedBucket}", 10_000),
        ];
        foreach (var (key, name, path, minimum) in endpoints)
        {
            var before = await ScrapeAsync(gateway);
            var result = await MeasureAsync(tool, new Uri(gateway, path), sizes);
            var hits = await HitRatioAsync(gateway, before);
            var figure = $"{result.RequestsPerSecond:N0} req/s, p99 {result.Percentile(99):F1} ms (c={sizes.Concurrency}, n={result.Requests:N0}{hits})";
            var target = minimum is { } rate ? $"≥ {rate:N0} req/s, p99 ≤ {MaxP99Ms} ms" : "report";
            bool? met = minimum is { } floor ? result.RequestsPerSecond >= floor && result.Percentile(99) <= MaxP99Ms : null;
            table.Add(new ResultRow(key, name, figure, result.RequestsPerSecond, baselineText, baseline.RequestsPerSecond, target, met));
        }
    }

    private const double MaxP99Ms = 20;

    /// <summary>", cache hits N %" from the gateway's output-cache meter since <paramref name="before"/>; empty when nothing was cached.</summary>
    private static async Task<string> HitRatioAsync(Uri gateway, PrometheusText before)
    {
        var after = await ScrapeAsync(gateway);
        const string lookups = "trendvault_gateway_output_cache_lookups_total";
        var hits = after.Sum(lookups, ("result", "hit")) - before.Sum(lookups, ("result", "hit"));
        var misses = after.Sum(lookups, ("result", "miss")) - before.Sum(lookups, ("result", "miss"));
        return hits + misses == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", cache hits {100 * hits / (hits + misses):F2} %");
    }

    private static Task<PrometheusText> ScrapeAsync(Uri gateway) => PrometheusText.ScrapeAsync(new Uri(gateway, "metrics"));

    private static async Task<LoadResult> MeasureAsync(ILoadTool tool, Uri url, BenchSizes sizes)
    {
        await tool.RunForAsync(url, sizes.Warmup, sizes.Concurrency);
        var result = await tool.RunForAsync(url, sizes.ThroughputDuration, sizes.Concurrency);
        return result.Failures == 0 ? result : throw new InvalidOperationException($"{result.Failures} of {result.Requests} requests to {url} failed.");
    }
}
