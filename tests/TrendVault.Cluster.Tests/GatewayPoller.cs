using System.Diagnostics;

namespace TrendVault.Cluster.Tests;

/// <summary>Asks the gateway the same questions every interval in the background and keeps every answer.</summary>
public sealed class GatewayPoller : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly IReadOnlyList<string> _paths;
    private readonly TimeSpan _interval;
    private readonly List<PollResult> _results = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>A request unanswered after this long counts as "unanswered".</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public GatewayPoller(Uri gateway, TimeSpan interval, params string[] paths)
    {
        _client = new HttpClient { BaseAddress = gateway, Timeout = RequestTimeout };
        _paths = paths;
        _interval = interval;
        _loop = Task.Run(RunAsync);
    }

    public IReadOnlyList<PollResult> Results
    {
        get
        {
            lock (_results)
            {
                return _results.ToList();
            }
        }
    }

    /// <summary>Stops sending and waits for the answers still outstanding.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    /// <summary>"path: N requests, N 2xx, N 503, N other, N unanswered" per path.</summary>
    public string Summary() => string.Join(Environment.NewLine, Results.GroupBy(r => r.Path).Select(g =>
        $"{g.Key}: {g.Count()} requests, {g.Count(r => r.Succeeded)} 2xx, {g.Count(r => r.Status == 503)} 503, " +
        $"{g.Count(r => r.Status is { } s && s != 503 && (s < 200 || s >= 300))} other status, {g.Count(r => r.Status is null)} unanswered; " +
        $"slowest {g.Max(r => r.Took).TotalMilliseconds:F0} ms" +
        (g.Any(r => !r.Succeeded) ? $"; failures {g.Where(r => !r.Succeeded).Min(r => r.At):HH:mm:ss.fff}..{g.Where(r => !r.Succeeded).Max(r => r.At):HH:mm:ss.fff}" : "")));

    // Requests go out on schedule whether or not earlier ones were answered, so one stuck request
    // neither hides the gateway's other answers nor stretches the interval.
    private async Task RunAsync()
    {
        var inFlight = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            inFlight.AddRange(_paths.Select(PollAsync));
            inFlight.RemoveAll(task => task.IsCompleted);
            try
            {
                await Task.Delay(_interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(inFlight);
    }

    private async Task PollAsync(string path)
    {
        var at = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        PollResult result;
        try
        {
            using var response = await _client.GetAsync(path);
            result = new PollResult(at, path, (int)response.StatusCode, null, watch.Elapsed);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            result = new PollResult(at, path, null, exception is TaskCanceledException ? "timeout" : exception.Message, watch.Elapsed);
        }
        lock (_results)
        {
            _results.Add(result);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        _client.Dispose();
        _stop.Dispose();
    }
}
