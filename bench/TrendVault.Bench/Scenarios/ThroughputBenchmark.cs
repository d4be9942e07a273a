using TrendVault.Bench.Load;
using TrendVault.Bench.Report;
using TrendVault.Bench.Storage;

namespace TrendVault.Bench.Scenarios;

/// <summary>Requests per second and p99 of two hot endpoints under concurrent load, against /health/live under the same load.</summary>
public static class ThroughputBenchmark
{
    public static async Task RunAsync(Uri gateway, SyntheticYear year, BenchSizes sizes, ILoadTool tool, ResultTable table, TextWriter log)
    {
        log.WriteLine($"Throughput: {sizes.ThroughputDuration.TotalSeconds:0.#} s each from {sizes.Concurrency} connections, with {tool.Name}");
        var baseline = await MeasureAsync(tool, new Uri(gateway, "health/live"), sizes);
        var baselineText = $"/health/live {baseline.RequestsPerSecond:N0} req/s, p99 {baseline.Percentile(99):F1} ms";
        (string Key, string Name, string Path)[] endpoints =
        [
            ("throughput.video", "Throughput: GET /api/videos/{id}", $"api/videos/{SyntheticYear.YouTubeId(1)}"),
            ("throughput.board", "Throughput: latest trending board", $"api/regions/{year.Regions[0]}/trending"),
        ];
        foreach (var (key, name, path) in endpoints)
        {
            var result = await MeasureAsync(tool, new Uri(gateway, path), sizes);
            table.Add(new ResultRow(key, name, $"{result.RequestsPerSecond:N0} req/s, p99 {result.Percentile(99):F1} ms (c={sizes.Concurrency}, n={result.Requests:N0})",
                result.RequestsPerSecond, baselineText, baseline.RequestsPerSecond, "report", null));
        }
    }

    private static async Task<LoadResult> MeasureAsync(ILoadTool tool, Uri url, BenchSizes sizes)
    {
        await tool.RunForAsync(url, sizes.Warmup, sizes.Concurrency);
        var result = await tool.RunForAsync(url, sizes.ThroughputDuration, sizes.Concurrency);
        return result.Failures == 0 ? result : throw new InvalidOperationException($"{result.Failures} of {result.Requests} requests to {url} failed.");
    }
}
