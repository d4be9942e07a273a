using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage;
using TrendVault.Storage.Catalog;

namespace TrendVault.Grains.Regions;

/// <summary>
/// Collects one region's chart once per bucket. The reminder ticks several times per bucket and a
/// tick only collects a bucket that is not yet committed, so a tick lost in a failover is made up
/// by the next one. A bucket counts as collected only after its snapshots and ranks committed.
/// </summary>
public sealed partial class RegionGrain(
    [PersistentState("region")] IPersistentState<RegionState> state,
    CatalogStore catalog,
    RegionCollector collector,
    CollectionMetrics metrics,
    IOptions<CollectionOptions> options,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<RegionGrain> logger) : Grain, IRegionGrain, IRemindable
{
    private const string ReminderName = "collect";

    // The catalog only ever adds regions: once found, a region needs no database check per tick.
    private bool _known;

    private string Code => this.GetPrimaryKeyString();

    public Task ActivateAsync(CancellationToken cancellationToken = default) =>
        StartCollectingAsync(byOperator: true, cancellationToken);

    public async Task EnsureActiveFromConfigurationAsync(CancellationToken cancellationToken = default)
    {
        if (state.State.DeactivatedByOperator)
        {
            LogKeptInactive(Code);
            return;
        }
        // Reminders persist: a changed tick period reaches an existing region only by registering again.
        if (!state.State.Active || state.State.TickPeriod != options.Value.TickPeriod || await this.GetReminder(ReminderName) is null)
        {
            await StartCollectingAsync(state.State.ActivatedByOperator, cancellationToken);
        }
    }

    public async Task ReleaseFromConfigurationAsync(CancellationToken cancellationToken = default)
    {
        if (state.State.Active && !state.State.ActivatedByOperator)
        {
            await StopCollectingAsync(byOperator: false, cancellationToken);
        }
    }

    public Task DeactivateAsync(CancellationToken cancellationToken = default) =>
        StopCollectingAsync(byOperator: true, cancellationToken);

    private async Task StartCollectingAsync(bool byOperator, CancellationToken cancellationToken)
    {
        await EnsureKnownRegionAsync(cancellationToken);
        state.State.Active = true;
        state.State.ActivatedByOperator = byOperator;
        state.State.DeactivatedByOperator = false;
        state.State.TickPeriod = options.Value.TickPeriod;
        await state.WriteStateAsync(cancellationToken);
        // A short first due time makes a newly activated region collect within seconds.
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(1), options.Value.TickPeriod);
        LogActivated(Code, options.Value.TickPeriod);
    }

    private async Task StopCollectingAsync(bool byOperator, CancellationToken cancellationToken)
    {
        state.State.Active = false;
        state.State.ActivatedByOperator = false;
        state.State.DeactivatedByOperator = byOperator;
        await state.WriteStateAsync(cancellationToken);
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        LogDeactivated(Code);
    }

    public Task<CollectionResult> CollectNowAsync(CancellationToken cancellationToken = default) =>
        CollectObservedAsync(CurrentBucket(), cancellationToken);

    public Task<RegionStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var current = CurrentBucket();
        DateTimeOffset? nextDue = !state.State.Active ? null
            : state.State.LastCollectedBucket >= current ? current + options.Value.BucketSize
            : clock.GetUtcNow();
        return Task.FromResult(new RegionStatus(Code, state.State.Active, state.State.LastCollectedBucket, state.State.LastRun, nextDue));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        LogTick(Code, reminderName);
        metrics.Tick(Code);
        if (!state.State.Active)
        {
            // A reminder can outlive a deactivation that failed half-way; this tick tidies it up.
            if (await this.GetReminder(reminderName) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }
            return;
        }
        await CollectObservedAsync(CurrentBucket(), CancellationToken.None);
    }

    /// <summary>One collection is one trace (the API calls, the video grains and the commit nest under it) and one measurement.</summary>
    private async Task<CollectionResult> CollectObservedAsync(DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        using var activity = TrendVaultTelemetry.ActivitySource.StartActivity("collect region");
        activity?.SetTag("trendvault.region", Code);
        activity?.SetTag("trendvault.bucket", bucket.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        var started = clock.GetTimestamp();
        var result = await CollectAsync(bucket, cancellationToken);
        metrics.Record(result, clock.GetElapsedTime(started));
        activity?.SetTag("trendvault.outcome", CollectionMetrics.OutcomeName(result.Outcome));
        if (result.Outcome == CollectionOutcome.Failed)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
        }
        return result;
    }

    private async Task<CollectionResult> CollectAsync(DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        if (state.State.LastCollectedBucket >= bucket)
        {
            return new CollectionResult(Code, bucket, CollectionOutcome.AlreadyCollected, state.State.LastRun?.Videos ?? 0, 0, null);
        }
        await EnsureKnownRegionAsync(cancellationToken);
        var result = await collector.CollectAsync(Code, bucket, cancellationToken);
        // Later ticks of this bucket have nothing to do once it is stored, held, chartless or found stored already.
        if (result.Outcome is CollectionOutcome.Collected or CollectionOutcome.Held or CollectionOutcome.NoChart or CollectionOutcome.AlreadyCollected)
        {
            state.State.LastCollectedBucket = bucket;
        }
        if (result.Outcome != CollectionOutcome.AlreadyCollected)
        {
            state.State.LastRun = result;
        }
        await SaveStateAsync();
        return result;
    }

    /// <summary>
    /// Grain storage lives in the same database: while it is away the state stays in memory (ticks keep
    /// their place) and the next tick's write catches up.
    /// </summary>
    private async Task SaveStateAsync()
    {
        try
        {
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            LogStateNotSaved(Code, exception.Message);
        }
    }

    private async Task EnsureKnownRegionAsync(CancellationToken cancellationToken)
    {
        if (_known)
        {
            return;
        }
        if (!await catalog.RegionExistsAsync(Code, cancellationToken))
        {
            throw new ArgumentException($"Region '{Code}' is not in the catalog.");
        }
        _known = true;
    }

    private DateTimeOffset CurrentBucket() => Buckets.Floor(clock.GetUtcNow(), options.Value.BucketSize);

    // Debug: one line per tick shows which silo delivers a region's reminder (the failover tests read it).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Region {Region} reminder tick ({Reminder})")]
    private partial void LogTick(string region, string reminder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} activated; ticking every {TickPeriod}")]
    private partial void LogActivated(string region, TimeSpan tickPeriod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} stays inactive: an operator deactivated it")]
    private partial void LogKeptInactive(string region);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} deactivated")]
    private partial void LogDeactivated(string region);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region}: grain state not saved ({Reason}); kept in memory until the next tick")]
    private partial void LogStateNotSaved(string region, string reason);

}
