namespace TrendVault.Cluster.Tests;

/// <summary>
/// Records every region reminder tick from the silos' meters: it reads each running silo's
/// trendvault_collection_ticks_total{region} every <see cref="Interval"/> and turns each increase into
/// ticks on that silo, stamped when the reading arrives: after the tick, by up to an interval plus the
/// reading's own time. A silo is read until its process has exited, so the ticks of a silo shutting
/// down gracefully are recorded too.
/// </summary>
public sealed class TickRecorder : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const string Metric = "trendvault_collection_ticks_total";

    private readonly ProcessCluster _cluster;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(1) };
    private readonly Dictionary<(string Silo, string Region), double> _counts = [];
    private readonly List<ReminderTick> _ticks = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TickRecorder(ProcessCluster cluster)
    {
        _cluster = cluster;
        _loop = Task.Run(RecordAsync);
    }

    public static TickRecorder Start(ProcessCluster cluster) => new(cluster);

    /// <summary>The ticks recorded so far, after one more reading of every silo.</summary>
    public async Task<ReminderTimeline> TimelineAsync()
    {
        await ReadAllAsync(CancellationToken.None);
        lock (_ticks)
        {
            return new ReminderTimeline(_ticks.OrderBy(t => t.At).ToList());
        }
    }

    private async Task RecordAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await ReadAllAsync(_stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed round must not end the recording; the next round reads every silo again.
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private Task ReadAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_cluster.SilosWithMetrics().Where(silo => !silo.Silo.HasExited).Select(silo => ReadAsync(silo.Silo, silo.Metrics, cancellationToken)));

    private async Task ReadAsync(ManagedProcess silo, Uri metrics, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync(metrics, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return; // not listening yet, or stopped: its ticks so far are recorded
        }
        var at = DateTimeOffset.UtcNow;
        var totals = new PrometheusText(string.Join('\n', text.Split('\n').Where(line => line.StartsWith(Metric, StringComparison.Ordinal))));
        lock (_ticks)
        {
            foreach (var region in _cluster.Settings.Regions)
            {
                var total = totals.Sum(Metric, ("region", region));
                var known = _counts.GetValueOrDefault((silo.Name, region));
                for (var i = known; i < total; i++)
                {
                    _ticks.Add(new ReminderTick(at, region, silo.Name));
                }
                _counts[(silo.Name, region)] = Math.Max(known, total);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _http.Dispose();
    }
}
