using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TrendVault.Bench.Load;
using TrendVault.Bench.Report;
using TrendVault.Bench.Storage;

namespace TrendVault.Bench.Scenarios;

/// <summary>
/// p50 and p95 of the gateway's read endpoints on the loaded year, one request at a time (latency, not
/// queueing), against /health/live (the gateway's cheapest answer) measured the same way in the same run.
/// </summary>
public static class QueryLatencyBenchmark
{
    public static async Task RunAsync(Uri gateway, SyntheticYear year, BenchSizes sizes, ILoadTool tool, ResultTable table, TextWriter log)
    {
        var region = year.Regions[0];
        var video = SyntheticYear.YouTubeId(1);
        var yearBack = year.Start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await CheckAnswersAsync(gateway, year, region, video, yearBack);

        log.WriteLine($"Query latency: {sizes.LatencyRequests:N0} requests each (or {sizes.LatencyBudget.TotalSeconds:F0} s of them), one at a time, with {tool.Name}");
        var baseline = await MeasureAsync(tool, new Uri(gateway, "health/live"), sizes);
        var baselineText = $"/health/live p50 {baseline.Percentile(50):F2} · p95 {baseline.Percentile(95):F2} ms";
        (string Key, string Name, string Path, double TargetP95)[] endpoints =
        [
            ("latency.hour", $"Latency: a video's year series, interval=hour ({year.Hours:N0} points)", $"api/videos/{video}/snapshots?interval=hour", 15),
            ("latency.day", "Latency: a video's year series, interval=day", $"api/videos/{video}/snapshots?interval=day", 5),
            ("latency.top", $"Latency: /api/stats/top, 24 h, region {region}", $"api/stats/top?region={region}&window=24h", 50),
            ("latency.board", "Latency: latest trending board", $"api/regions/{region}/trending", 5),
            ("latency.yearback", "Latency: trending board at `at` a year back", $"api/regions/{region}/trending?at={yearBack}", 10),
        ];
        foreach (var (key, name, path, target) in endpoints)
        {
            var result = await MeasureAsync(tool, new Uri(gateway, path), sizes);
            var p95 = result.Percentile(95);
            var capped = result.Requests < sizes.LatencyRequests ? $" (n={result.Requests}: capped at {sizes.LatencyBudget.TotalSeconds:F0} s)" : "";
            table.Add(new ResultRow(key, name, $"p50 {result.Percentile(50):F2} · p95 {p95:F2} ms{capped}", p95,
                baselineText, baseline.Percentile(95), $"p95 ≤ {target} ms", p95 <= target));
        }
    }

    private static async Task<LoadResult> MeasureAsync(ILoadTool tool, Uri url, BenchSizes sizes)
    {
        var result = await MeasureAsync(tool, url, sizes.LatencyRequests, sizes.LatencyBudget, sizes.Warmup);
        return result.Failures == 0 ? result : throw new InvalidOperationException($"{result.Failures} of {result.Requests} requests to {url} failed.");
    }

    /// <summary>One request at a time after a warm-up: <paramref name="requests"/> of them, or as many as fit the budget when that many would not.</summary>
    internal static async Task<LoadResult> MeasureAsync(ILoadTool tool, Uri url, int requests, TimeSpan budget, TimeSpan warmup)
    {
        var warm = await tool.RunForAsync(url, warmup, 1);
        // The mean of the warm-up tells whether the full count fits the budget.
        return warm.Seconds / Math.Max(1, warm.Requests) * requests > budget.TotalSeconds
            ? await tool.RunForAsync(url, budget, 1)
            : await tool.RunAsync(url, requests, 1);
    }

    // The figures mean something only if the answers are the full ones.
    private static async Task CheckAnswersAsync(Uri gateway, SyntheticYear year, string region, string video, string yearBack)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var hours = await http.GetFromJsonAsync<JsonElement>($"api/videos/{video}/snapshots?interval=hour");
        var board = await http.GetFromJsonAsync<JsonElement>($"api/regions/{region}/trending");
        var old = await http.GetFromJsonAsync<JsonElement>($"api/regions/{region}/trending?at={yearBack}");
        if (hours.GetArrayLength() != year.Hours
            || board.GetProperty("items").GetArrayLength() != SyntheticYear.ChartLength
            || old.GetProperty("items").GetArrayLength() != SyntheticYear.ChartLength
            || old.GetProperty("capturedAt").GetDateTimeOffset() != year.Start)
        {
            throw new InvalidOperationException("The gateway's answers do not hold the loaded year.");
        }
    }
}
