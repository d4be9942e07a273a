using System.Collections.Concurrent;

namespace TrendVault.FakeYouTube.Diagnostics;

/// <summary>Thread-safe counts of what clients asked the simulated API, for tests and the demo.</summary>
public sealed class FakeRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _charts = new(StringComparer.OrdinalIgnoreCase);
    private long _total;
    private long _units;
    private long _idLookups;
    private long _faultsServed;

    /// <summary>Every request under /youtube/v3/, whatever its outcome.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Quota units: each videos, videoCategories or i18nRegions call costs one, failed ones included.</summary>
    public long Units => Interlocked.Read(ref _units);

    /// <summary>videos calls that used the id filter.</summary>
    public long IdLookups => Interlocked.Read(ref _idLookups);

    /// <summary>Requests answered by an injected fault.</summary>
    public long FaultsServed => Interlocked.Read(ref _faultsServed);

    /// <summary>Requests per API method: "videos", "videoCategories", "i18nRegions", or "other" for unknown paths.</summary>
    public IReadOnlyDictionary<string, long> Endpoints => new SortedDictionary<string, long>(_endpoints);

    /// <summary>mostPopular chart requests per (upper-case) regionCode.</summary>
    public IReadOnlyDictionary<string, long> ChartCallsByRegion => new SortedDictionary<string, long>(_charts);

    public long EndpointCalls(string endpoint) => _endpoints.GetValueOrDefault(endpoint);

    public long ChartCalls(string region) => _charts.GetValueOrDefault(region);

    public void Reset()
    {
        _endpoints.Clear();
        _charts.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _units, 0);
        Interlocked.Exchange(ref _idLookups, 0);
        Interlocked.Exchange(ref _faultsServed, 0);
    }

    internal void CountRequest(string endpoint, bool costsUnit)
    {
        Interlocked.Increment(ref _total);
        _endpoints.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        if (costsUnit)
        {
            Interlocked.Increment(ref _units);
        }
    }

    internal void CountChart(string region) => _charts.AddOrUpdate(region.ToUpperInvariant(), 1, (_, n) => n + 1);

    internal void CountIdLookup() => Interlocked.Increment(ref _idLookups);

    internal void CountFault() => Interlocked.Increment(ref _faultsServed);
}
