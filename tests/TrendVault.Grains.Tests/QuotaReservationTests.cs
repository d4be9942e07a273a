using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TrendVault.Grains.Quota;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

/// <summary>Reservations through the real quota grain, observed through its status and the silo's meters.</summary>
[Collection(CollectionClusterCollection.Name)]
public sealed class QuotaReservationTests(CollectionClusterFixture fixture)
{
    private IQuotaGrain Quota => fixture.Grains.GetGrain<IQuotaGrain>(0);

    [Fact]
    public async Task A_grant_is_reserved_until_its_usage_is_recorded_and_the_meters_show_both()
    {
        fixture.StartFreshBucket();
        // Earlier tests' unsettled grants expire on the first call of the fresh bucket, before the meters listen.
        await Quota.GetRefreshShareAsync(0);
        using var meters = new SiloMeters(fixture);
        var before = await Quota.GetStatusAsync();

        var grant = await Quota.RequestAsync(QuotaPriority.Chart, 4, chartUnitsPerHour: 0);
        var reserved = await Quota.GetStatusAsync();
        await Quota.RecordAsync(grant.Reservation, new QuotaUsage(3, Succeeded: true));
        var settled = await Quota.GetStatusAsync();

        Assert.Equal((true, 4), (grant.Granted, grant.Units));
        Assert.Equal((before.UnitsReserved + 4, before.UnitsRemaining - 4), (reserved.UnitsReserved, reserved.UnitsRemaining));
        Assert.Equal((before.UnitsReserved, before.UnitsUsed + 3), (settled.UnitsReserved, settled.UnitsUsed));
        Assert.Equal(3, meters.Sum("trendvault.quota.units_used", "chart"));
        Assert.Equal(settled.UnitsRemaining, meters.Gauge("trendvault.quota.units_remaining"));
        Assert.Equal(settled.UnitsReserved, meters.Gauge("trendvault.quota.reserved"));
    }

    [Fact]
    public async Task A_grant_whose_caller_never_reports_expires_and_counts_as_spent()
    {
        fixture.StartFreshBucket();
        // Earlier tests' unsettled grants expire on the first call of the fresh bucket, before the meters listen.
        await Quota.GetRefreshShareAsync(0);
        using var meters = new SiloMeters(fixture);
        var grant = await Quota.RequestAsync(QuotaPriority.Chart, 4, chartUnitsPerHour: 0);
        var reserved = await Quota.GetStatusAsync();

        fixture.Clock.Advance(new QuotaOptions().ReservationTimeout + TimeSpan.FromSeconds(1));
        await Quota.GetRefreshShareAsync(0);
        var expired = await Quota.GetStatusAsync();

        Assert.True(grant.Granted);
        Assert.Equal(reserved.UnitsReserved - 4, expired.UnitsReserved);
        Assert.Equal(reserved.UnitsUsed + 4, expired.UnitsUsed);
        Assert.Equal(1, meters.Sum("trendvault.quota.reservations_expired", "chart"));
    }

    /// <summary>Listens to the instruments of this fixture's silo only (other test classes run silos in the same process).</summary>
    private sealed class SiloMeters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<(string, string?), long> _sums = [];
        private readonly Dictionary<string, long> _gauges = [];

        public SiloMeters(CollectionClusterFixture fixture)
        {
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

        public long Sum(string name, string priority)
        {
            lock (_sums)
            {
                return _sums.GetValueOrDefault((name, priority));
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
            string? priority = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "priority")
                {
                    priority = tag.Value as string;
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
                    _sums[(instrument.Name, priority)] = _sums.GetValueOrDefault((instrument.Name, priority)) + value;
                }
            }
        }
    }
}
