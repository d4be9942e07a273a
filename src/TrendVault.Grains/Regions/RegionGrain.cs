using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Quota;
using TrendVault.Model;
using TrendVault.Storage.Catalog;
using TrendVault.Storage.Collection;
using TrendVault.YouTube;
using TrendVault.YouTube.Errors;

namespace TrendVault.Grains.Regions;

/// <summary>
/// Collects one region's chart once per bucket. The reminder ticks several times per bucket and a
/// tick only collects a bucket that is not yet committed, so a tick lost in a failover is made up
/// by the next one. A bucket counts as collected only after its snapshots and ranks committed.
/// </summary>
public sealed partial class RegionGrain(
    [PersistentState("region")] IPersistentState<RegionState> state,
    IYouTubeClient youTube,
    CatalogStore catalog,
    CollectionRunStore runs,
    ChartSightings sightings,
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
        CollectAsync(CurrentBucket(), cancellationToken);

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
        if (!state.State.Active)
        {
            // A reminder can outlive a deactivation that failed half-way; this tick tidies it up.
            if (await this.GetReminder(reminderName) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }
            return;
        }
        await CollectAsync(CurrentBucket(), CancellationToken.None);
    }

    private async Task<CollectionResult> CollectAsync(DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        if (state.State.LastCollectedBucket >= bucket)
        {
            return new CollectionResult(Code, bucket, CollectionOutcome.AlreadyCollected, state.State.LastRun?.Videos ?? 0, 0, null);
        }
        await EnsureKnownRegionAsync(cancellationToken);
        var quota = GrainFactory.GetGrain<IQuotaGrain>(0);
        var decision = await quota.RequestAsync(QuotaPriority.Chart, options.Value.MaxPages, 0, cancellationToken);
        if (!decision.Granted)
        {
            return await SkipAsync(bucket, decision.Reason!, cancellationToken);
        }
        if (!await runs.StartAsync(Code, bucket, clock.GetUtcNow(), cancellationToken))
        {
            // The database says this bucket succeeded although the grain's state had lost it.
            state.State.LastCollectedBucket = bucket;
            await state.WriteStateAsync(cancellationToken);
            return new CollectionResult(Code, bucket, CollectionOutcome.AlreadyCollected, 0, 0, null);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.AttemptTimeout);
        var calls = new ApiCallCounter();
        QuotaUsage? usage = null;
        CollectionResult result;
        try
        {
            var chart = await youTube.GetMostPopularAsync(Code, options.Value.MaxPages, calls, attempt.Token);
            usage = new QuotaUsage(calls.Count, Succeeded: true);
            // Fan out to every video at once; each call returns when its snapshot is committed. A call shared
            // with another region must not be cancelled by this one's deadline, so each waits with its own.
            await Task.WhenAll(chart.Entries.Select(entry =>
            {
                var video = entry.Video;
                return sightings.RecordAsync(video.Metadata.YouTubeId, bucket, () =>
                    GrainFactory.GetGrain<IVideoGrain>(video.Metadata.YouTubeId).RecordAsync(video, bucket, onChart: true, CancellationToken.None))
                    .WaitAsync(attempt.Token);
            }));
            var entries = chart.Entries.Select(e => new TrendingEntry(e.Rank, e.Video.Metadata.YouTubeId)).ToList();
            await runs.CompleteAsync(Code, bucket, entries, calls.Count, chart.Broken, clock.GetUtcNow(), attempt.Token);
            result = new CollectionResult(Code, bucket, CollectionOutcome.Collected, entries.Count, calls.Count, null, chart.Broken.Repaired, chart.Broken.Skipped);
            state.State.LastCollectedBucket = bucket;
            LogCollected(Code, bucket, entries.Count, calls.Count);
        }
        catch (YouTubeApiException exception) when (exception.Kind == YouTubeErrorKind.ChartNotFound)
        {
            usage = new QuotaUsage(calls.Count, Succeeded: true);
            await runs.FinishWithoutDataAsync(Code, bucket, "no_chart", exception.Message, calls.Count, clock.GetUtcNow(), CancellationToken.None);
            result = new CollectionResult(Code, bucket, CollectionOutcome.NoChart, 0, calls.Count, exception.Message);
            // Nothing to collect in this bucket: later ticks wait for the next one instead of looping.
            state.State.LastCollectedBucket = bucket;
            LogNoChart(Code, bucket);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            usage ??= FailedCallUsage.From(calls.Count, exception);
            var reason = exception is OperationCanceledException ? $"attempt timed out after {options.Value.AttemptTimeout}" : exception.Message;
            LogFailed(exception, Code, bucket, reason);
            result = new CollectionResult(Code, bucket, CollectionOutcome.Failed, 0, calls.Count, reason);
            await RecordFailureAsync(bucket, reason, calls.Count);
        }
        finally
        {
            // Every call made is accounted, whatever happened after it (a cancelled caller included).
            await RecordUsageAsync(quota, usage ?? new QuotaUsage(calls.Count, Succeeded: false));
        }
        state.State.LastRun = result;
        await state.WriteStateAsync(CancellationToken.None);
        return result;
    }

    private async Task RecordUsageAsync(IQuotaGrain quota, QuotaUsage usage)
    {
        try
        {
            await quota.RecordAsync(usage, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Losing the count of one run is better than reporting a committed bucket as failed.
            LogUsageNotRecorded(exception, Code, usage.Units);
        }
    }

    // Refused by the quota governor: recorded and visible, never attempted; a later tick asks again.
    private async Task<CollectionResult> SkipAsync(DateTimeOffset bucket, string reason, CancellationToken cancellationToken)
    {
        await runs.StartAsync(Code, bucket, clock.GetUtcNow(), cancellationToken);
        await runs.FinishWithoutDataAsync(Code, bucket, "skipped", reason, 0, clock.GetUtcNow(), cancellationToken);
        var result = new CollectionResult(Code, bucket, CollectionOutcome.Skipped, 0, 0, reason);
        state.State.LastRun = result;
        await state.WriteStateAsync(cancellationToken);
        LogSkipped(Code, bucket, reason);
        return result;
    }

    private async Task RecordFailureAsync(DateTimeOffset bucket, string reason, int apiCalls)
    {
        try
        {
            await runs.FinishWithoutDataAsync(Code, bucket, "failed", reason, apiCalls, clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The database may be what failed; the run row then stays 'running' and the next tick retries.
            LogRunRecordFailed(exception, Code, bucket);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} bucket {Bucket:o} collected: {Videos} videos, {ApiCalls} API calls")]
    private partial void LogCollected(string region, DateTimeOffset bucket, int videos, int apiCalls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} has no chart in bucket {Bucket:o} (videoChartNotFound)")]
    private partial void LogNoChart(string region, DateTimeOffset bucket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} bucket {Bucket:o} collection failed: {Reason}")]
    private partial void LogFailed(Exception exception, string region, DateTimeOffset bucket, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} bucket {Bucket:o} skipped: {Reason}")]
    private partial void LogSkipped(string region, DateTimeOffset bucket, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Region {Region}: {Units} API units could not be recorded with the quota governor")]
    private partial void LogUsageNotRecorded(Exception exception, string region, int units);

    [LoggerMessage(Level = LogLevel.Error, Message = "Region {Region} bucket {Bucket:o}: could not record the failed run")]
    private partial void LogRunRecordFailed(Exception exception, string region, DateTimeOffset bucket);
}
