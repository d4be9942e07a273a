using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Quota;
using TrendVault.Model;
using TrendVault.Storage;
using TrendVault.Storage.Collection;
using TrendVault.YouTube;
using TrendVault.YouTube.Errors;

namespace TrendVault.Grains.Regions;

/// <summary>
/// Per silo: one collection attempt of a region's bucket — the quota grant, the run row, the chart fetch,
/// storing it (or holding it while the database is away) and the usage record — with every outcome
/// recorded where it can be. The region grain decides when to call it and keeps what it returns.
/// </summary>
public sealed partial class RegionCollector(
    IGrainFactory grains,
    IYouTubeClient youTube,
    CollectionRunStore runs,
    ChartRecorder recorder,
    CollectionMetrics metrics,
    IOptions<CollectionOptions> options,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<RegionCollector> logger)
{
    /// <summary>One attempt at <paramref name="region"/>'s chart of <paramref name="bucket"/>; the outcome says what happened.</summary>
    public async Task<CollectionResult> CollectAsync(string region, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        var quota = grains.GetGrain<IQuotaGrain>(0);
        var decision = await quota.RequestAsync(QuotaPriority.Chart, options.Value.MaxPages, 0, cancellationToken);
        if (!decision.Granted)
        {
            return await SkipAsync(region, bucket, decision.Reason!, cancellationToken);
        }
        if (await AlreadySucceededAsync(region, bucket, cancellationToken))
        {
            // The database says this bucket succeeded although the grain's state had lost it; the grant goes back.
            await RecordUsageAsync(region, quota, decision.Reservation, new QuotaUsage(0, Succeeded: true));
            return new CollectionResult(region, bucket, CollectionOutcome.AlreadyCollected, 0, 0, null);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.AttemptTimeout);
        var calls = new ApiCallCounter();
        QuotaUsage? usage = null;
        CollectionResult result;
        try
        {
            var chart = await youTube.GetMostPopularAsync(region, options.Value.MaxPages, calls, attempt.Token);
            usage = new QuotaUsage(calls.Count, Succeeded: true);
            result = await recorder.StoreAsync(region, bucket, chart, calls.Count, clock.GetUtcNow(), attempt.Token);
            LogStored(region, bucket, result.Outcome, result.Videos, calls.Count);
        }
        catch (YouTubeApiException exception) when (exception.Kind == YouTubeErrorKind.ChartNotFound)
        {
            usage = new QuotaUsage(calls.Count, Succeeded: true);
            await RecordRunWithoutDataAsync(region, bucket, "no_chart", exception.Message, calls.Count);
            result = new CollectionResult(region, bucket, CollectionOutcome.NoChart, 0, calls.Count, exception.Message);
            LogNoChart(region, bucket);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            usage ??= FailedCallUsage.From(calls.Count, exception);
            var timedOut = exception is OperationCanceledException;
            if (timedOut)
            {
                metrics.TimedOut(region);
            }
            var reason = timedOut ? $"attempt timed out after {options.Value.AttemptTimeout}" : exception.Message;
            LogFailed(exception, region, bucket, reason);
            result = new CollectionResult(region, bucket, CollectionOutcome.Failed, 0, calls.Count, reason);
            await RecordRunWithoutDataAsync(region, bucket, "failed", reason, calls.Count);
        }
        finally
        {
            // Every call made is accounted, whatever happened after it (a cancelled caller included).
            await RecordUsageAsync(region, quota, decision.Reservation, usage ?? new QuotaUsage(calls.Count, Succeeded: false));
        }
        return result;
    }

    /// <summary>
    /// Marks the attempt as running; true when the bucket already succeeded. With the database away the
    /// chart is fetched anyway (it cannot be fetched later) and its run row is written when it is stored.
    /// </summary>
    private async Task<bool> AlreadySucceededAsync(string region, DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        try
        {
            return !await runs.StartAsync(region, bucket, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            LogRunNotStarted(region, bucket, exception.Message);
            return false;
        }
    }

    private async Task RecordUsageAsync(string region, IQuotaGrain quota, Guid reservation, QuotaUsage usage)
    {
        try
        {
            await quota.RecordAsync(reservation, usage, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Losing the count of one run is better than reporting a committed bucket as failed.
            LogUsageNotRecorded(exception, region, usage.Units);
        }
    }

    // Refused by the quota governor: recorded and visible, never attempted; a later tick asks again.
    private async Task<CollectionResult> SkipAsync(string region, DateTimeOffset bucket, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await runs.StartAsync(region, bucket, clock.GetUtcNow(), cancellationToken);
            await runs.FinishWithoutDataAsync(region, bucket, "skipped", reason, 0, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            LogRunRecordFailed(exception, region, bucket);
        }
        LogSkipped(region, bucket, reason);
        return new CollectionResult(region, bucket, CollectionOutcome.Skipped, 0, 0, reason);
    }

    private async Task RecordRunWithoutDataAsync(string region, DateTimeOffset bucket, string status, string reason, int apiCalls)
    {
        try
        {
            await runs.FinishWithoutDataAsync(region, bucket, status, reason, apiCalls, clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The database may be what failed; the row stays 'running' until a later tick or the stale-run sweep ends it.
            LogRunRecordFailed(exception, region, bucket);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} bucket {Bucket:o} {Outcome}: {Videos} videos, {ApiCalls} API calls")]
    private partial void LogStored(string region, DateTimeOffset bucket, CollectionOutcome outcome, int videos, int apiCalls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} bucket {Bucket:o}: the run row could not be written ({Reason}); fetching the chart anyway")]
    private partial void LogRunNotStarted(string region, DateTimeOffset bucket, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Region {Region} has no chart in bucket {Bucket:o} (videoChartNotFound)")]
    private partial void LogNoChart(string region, DateTimeOffset bucket);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} bucket {Bucket:o} collection failed: {Reason}")]
    private partial void LogFailed(Exception exception, string region, DateTimeOffset bucket, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} bucket {Bucket:o} skipped: {Reason}")]
    private partial void LogSkipped(string region, DateTimeOffset bucket, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Region {Region}: {Units} API units could not be recorded with the quota governor")]
    private partial void LogUsageNotRecorded(Exception exception, string region, int units);

    [LoggerMessage(Level = LogLevel.Error, Message = "Region {Region} bucket {Bucket:o}: could not record the run's outcome")]
    private partial void LogRunRecordFailed(Exception exception, string region, DateTimeOffset bucket);
}
