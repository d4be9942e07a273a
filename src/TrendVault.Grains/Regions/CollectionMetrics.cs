using System.Diagnostics.Metrics;
using TrendVault.Model;

namespace TrendVault.Grains.Regions;

/// <summary>Per silo: what region collections did, by region (at most the catalog's 109) and outcome.</summary>
public sealed class CollectionMetrics
{
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _videos;
    private readonly Counter<long> _ticks;
    private readonly Counter<long> _timeouts;

    public CollectionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _runs = meter.CreateCounter<long>("trendvault.collection.runs", "{run}", "Collection attempts of a region's bucket, by region and outcome");
        _duration = meter.CreateHistogram<double>("trendvault.collection.duration", "s", "Time from a region's tick to the outcome of its collection");
        _videos = meter.CreateCounter<long>("trendvault.collection.videos", "{video}", "Chart entries stored (collected) or held for the database");
        _ticks = meter.CreateCounter<long>("trendvault.collection.ticks", "{tick}", "Reminder ticks region grains received, by region: reminders fire even while the database is away");
        _timeouts = meter.CreateCounter<long>("trendvault.collection.timeouts", "{attempt}", "Failed attempts abandoned at Collection:AttemptTimeout, by region: a hung call, not a refused one");
    }

    public void Record(CollectionResult result, TimeSpan elapsed)
    {
        var tags = new System.Diagnostics.TagList { { "region", result.Region }, { "outcome", OutcomeName(result.Outcome) } };
        _runs.Add(1, tags);
        if (result.Outcome != CollectionOutcome.AlreadyCollected)
        {
            _duration.Record(elapsed.TotalSeconds, tags);
        }
        if (result.Outcome is CollectionOutcome.Collected or CollectionOutcome.Held)
        {
            _videos.Add(result.Videos, tags);
        }
    }

    public void Tick(string region) => _ticks.Add(1, new KeyValuePair<string, object?>("region", region));

    public void TimedOut(string region) => _timeouts.Add(1, new KeyValuePair<string, object?>("region", region));

    public static string OutcomeName(CollectionOutcome outcome) => outcome switch
    {
        CollectionOutcome.Collected => "collected",
        CollectionOutcome.AlreadyCollected => "already_collected",
        CollectionOutcome.NoChart => "no_chart",
        CollectionOutcome.Failed => "failed",
        CollectionOutcome.Skipped => "skipped",
        CollectionOutcome.Held => "held",
        _ => "unknown",
    };
}
