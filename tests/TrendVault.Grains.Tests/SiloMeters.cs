using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace TrendVault.Grains.Tests;

/// <summary>
/// Listens to the project's instruments of one fixture's silo (other test classes run silos in the same
/// process): counter sums by the value of one tag, and the latest value of each gauge.
/// </summary>
public sealed class SiloMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _tag;
    private readonly Dictionary<(string, string?), long> _sums = [];
    private readonly Dictionary<string, long> _gauges = [];

    public SiloMeters(CollectionClusterFixture fixture, string tag)
    {
        _tag = tag;
        var factory = fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == TrendVaultTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>What the counter <paramref name="name"/> added with the tag at <paramref name="tagValue"/> since listening began.</summary>
    public long Sum(string name, string tagValue)
    {
        lock (_sums)
        {
            return _sums.GetValueOrDefault((name, tagValue));
        }
    }

    public long Gauge(string name)
    {
        _listener.RecordObservableInstruments();
        lock (_sums)
        {
            return _gauges[name];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? tagValue = null;
        foreach (var tag in tags)
        {
            if (tag.Key == _tag)
            {
                tagValue = tag.Value as string;
            }
        }
        lock (_sums)
        {
            if (instrument is ObservableGauge<int>)
            {
                _gauges[instrument.Name] = value;
            }
            else
            {
                _sums[(instrument.Name, tagValue)] = _sums.GetValueOrDefault((instrument.Name, tagValue)) + value;
            }
        }
    }
}
