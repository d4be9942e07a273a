using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TrendVault.Storage.Tests.Spool;

/// <summary>A meter factory for one test, and the sums of what its counters recorded, by instrument and tags.</summary>
public sealed class MeterRecorder : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();

    public MeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            lock (_meters)
            {
                if (_meters.Contains(instrument.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $";{t.Key}={t.Value}"));
            _sums.AddOrUpdate(key, value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }
        return meter;
    }

    /// <summary>The sum recorded by a counter, e.g. "trendvault.spool.dropped;reason=full".</summary>
    public long Sum(string key) => _sums.GetValueOrDefault(key);

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
