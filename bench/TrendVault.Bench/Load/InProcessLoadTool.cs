using System.Diagnostics;

namespace TrendVault.Bench.Load;

/// <summary>
/// HttpClient workers in the benchmark's own process: what runs where `hey` is not installed (CI's smoke
/// test). Same measure as hey: time from sending a request to reading the whole answer.
/// </summary>
public sealed class InProcessLoadTool : ILoadTool
{
    public string Name => "in-process HttpClient (hey not installed)";

    public Task<LoadResult> RunAsync(Uri url, int requests, int concurrency) => RunAsync(url, concurrency, requests, TimeSpan.MaxValue);

    public Task<LoadResult> RunForAsync(Uri url, TimeSpan duration, int concurrency) => RunAsync(url, concurrency, int.MaxValue, duration);

    private static async Task<LoadResult> RunAsync(Uri url, int concurrency, int requests, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < requests && total.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        return new LoadResult([.. latencies], failures, total.Elapsed.TotalSeconds);
    }
}
