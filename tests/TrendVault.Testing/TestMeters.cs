using System.Diagnostics.Metrics;

namespace TrendVault.Testing;

/// <summary>
/// A meter factory of its own, so a test sees only the measurements of the client it built:
/// <see cref="Sum"/> adds up what one instrument recorded for one tag value.
/// </summary>
public sealed class TestMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly List<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];
    private readonly MeterListener _listener = new();

    public TestMeters()
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
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, tags.ToArray()));
            }
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

    public long Sum(string instrument, string tag, string value)
    {
        lock (_measurements)
        {
            return _measurements
                .Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))
                .Sum(m => m.Value);
        }
    }

    public long Sum(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
        }
    }
}
