using System.Net.Http.Json;
using System.Text.Json;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// The buckets a failover test watches, and the waits and checks on them: a bucket every region
/// collected once the cluster was warm, the next one (disrupted mid-collection), and the buckets after
/// it until collection has carried on.
/// </summary>
public sealed class CollectionWindow(ProcessCluster cluster, CollectionLedger ledger)
{
    private TimeSpan Size => cluster.Settings.BucketSize;

    private IReadOnlyList<string> Regions => cluster.Settings.Regions;

    /// <summary>The bucket every region had collected when the cluster was warm: the start of the window.</summary>
    public DateTimeOffset First { get; private set; }

    /// <summary>
    /// Waits until every active region has collected the current bucket (the cluster is warm and steady), then for
    /// the next bucket to begin, and returns that next bucket: the one to disrupt.
    /// </summary>
    public async Task<DateTimeOffset> WarmUpAsync(TimeSpan timeout)
    {
        IReadOnlyList<string> gaps = [];
        First = await Eventually.WaitAsync("a current bucket that every region has collected", timeout, async () =>
        {
            cluster.ThrowIfAnyExited(except: cluster.Silos.Where(s => s.StoppedAt is not null));
            var current = CollectionLedger.Floor(DateTimeOffset.UtcNow, Size);
            gaps = await ledger.GapsAsync(Regions, current, current, Size);
            return (gaps.Count == 0, current);
        }, () => $"Not collected: {string.Join("; ", gaps)}{Environment.NewLine}{cluster.Diagnostics()}", TimeSpan.FromMilliseconds(250));
        var next = First + Size;
        await WaitUntilAsync(next);
        return next;
    }

    /// <summary>
    /// A run of <paramref name="bucket"/> that is in flight, and the silo running it (the one that
    /// delivered the region's tick in this bucket).
    /// </summary>
    public async Task<(RunRow Run, ManagedProcess Silo)> CatchACollectionInFlightAsync(DateTimeOffset bucket)
    {
        var run = await Eventually.WaitAsync($"a collection of bucket {bucket:HH:mm:ss} in flight", Size, async () =>
        {
            var running = await ledger.RunningAsync(bucket);
            return (running is not null, running);
        }, cluster.Diagnostics, TimeSpan.FromMilliseconds(20));
        // The tick is counted just before the run starts; the recorder reads the silos' meters a moment later.
        var silo = await Eventually.WaitAsync($"the tick of {run!.Region} in bucket {bucket:HH:mm:ss} in a silo's meters", TimeSpan.FromSeconds(2), async () =>
        {
            var tick = (await cluster.Ticks.TimelineAsync()).Ticks.LastOrDefault(t => t.Region == run.Region && t.At >= bucket);
            return (tick is not null, tick?.Silo);
        }, cluster.Diagnostics, TimeSpan.FromMilliseconds(10));
        return (run, cluster.Silos.Single(s => s.Name == silo));
    }

    /// <summary>Waits until every region collected <paramref name="bucket"/> or the bucket is over (then the gap checks tell what is missing).</summary>
    public async Task<bool> WaitForBucketAsync(DateTimeOffset bucket)
    {
        var end = bucket + Size + TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                if (await ledger.AllSucceededAsync(Regions, bucket, Size))
                {
                    return true;
                }
            }
            catch (Npgsql.NpgsqlException)
            {
                // The database may be the thing being disrupted; keep asking until the bucket is over.
            }
            if (DateTimeOffset.UtcNow > end)
            {
                return false;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The bucket after the current one has been collected: collection carried on after the disruption.</summary>
    public async Task<DateTimeOffset> WaitForNextBucketAsync()
    {
        var next = CollectionLedger.Floor(DateTimeOffset.UtcNow, Size) + Size;
        await WaitUntilAsync(next);
        await WaitForBucketAsync(next);
        return next;
    }

    /// <summary>Buckets of [First, <paramref name="last"/>] without a succeeded run, per the database.</summary>
    public Task<IReadOnlyList<string>> GapsInDatabaseAsync(DateTimeOffset last) => ledger.GapsAsync(Regions, First, last, Size);

    /// <summary>The same question asked of the gateway: GET /api/regions/{code}/gaps?from&amp;to for every region.</summary>
    public async Task<IReadOnlyList<string>> GapsReportedByGatewayAsync(DateTimeOffset last)
    {
        var gaps = new List<string>();
        foreach (var region in Regions)
        {
            var path = $"api/regions/{region}/gaps?from={Iso(First)}&to={Iso(last)}";
            using var report = await cluster.Api.GetFromJsonAsync<JsonDocument>(path)
                ?? throw new InvalidOperationException($"{path} answered nothing.");
            var buckets = report.RootElement.GetProperty("buckets").GetInt32();
            var expected = (int)((last - First) / Size) + 1;
            if (buckets != expected)
            {
                gaps.Add($"{region}: the gateway counted {buckets} buckets in the window, expected {expected}");
            }
            gaps.AddRange(report.RootElement.GetProperty("gaps").EnumerateArray()
                .Select(gap => $"{region} {gap.GetProperty("bucket").GetDateTimeOffset():HH:mm:ss} {gap.GetProperty("status").GetString()}"));
        }
        return gaps;
    }

    /// <summary>
    /// Runs after the warm-up bucket (where regions may have been activated late) that needed a second attempt,
    /// or whose successful attempt started later than the bucket's first tick would have.
    /// </summary>
    public async Task<IReadOnlyList<RunRow>> MadeUpRunsAsync(DateTimeOffset last)
    {
        var lateAfter = cluster.Settings.TickPeriod + TimeSpan.FromSeconds(1);
        return (await ledger.RunsAsync(First + Size, last)).Where(r => r.Attempts > 1 || r.StartedAt - r.Bucket > lateAfter).ToList();
    }

    public static async Task WaitUntilAsync(DateTimeOffset time)
    {
        var rest = time - DateTimeOffset.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
}
