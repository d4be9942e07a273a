using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Quota;
using TrendVault.Model;
using TrendVault.Storage.Tracking;
using TrendVault.YouTube;

namespace TrendVault.Grains.Tracking;

/// <summary>
/// Keeps snapshots coming for videos that left every chart: once per bucket, after the charts had
/// their turn, it looks up the shard's tracked videos 50 ids per call. A video the API no longer
/// returns is marked gone and never requested again. One reminder per shard, not per video.
/// </summary>
public sealed partial class TrackerGrain(
    [PersistentState("tracker")] IPersistentState<TrackerState> state,
    IYouTubeClient youTube,
    TrackingStore store,
    TrackerMetrics metrics,
    IOptions<TrackingOptions> tracking,
    IOptions<CollectionOptions> collection,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<TrackerGrain> logger) : Grain, ITrackerGrain, IRemindable
{
    private const string ReminderName = "refresh";
    private const int IdsPerCall = 50;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        // Reminders persist: a changed tick period reaches an existing tracker only by registering again.
        if (state.State.TickPeriod != collection.Value.TickPeriod || await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, collection.Value.TickPeriod, collection.Value.TickPeriod);
            state.State.TickPeriod = collection.Value.TickPeriod;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var bucket = CurrentBucket();
        // Wait until the charts of this bucket are collected: their videos need no refresh.
        if (clock.GetUtcNow() - bucket >= tracking.Value.EffectiveRefreshAfter(collection.Value.BucketSize))
        {
            metrics.Record(await RefreshAsync(bucket, CancellationToken.None));
        }
    }

    public async Task<RefreshResult> RefreshNowAsync(CancellationToken cancellationToken = default)
    {
        var result = await RefreshAsync(CurrentBucket(), cancellationToken);
        metrics.Record(result);
        return result;
    }

    private async Task<RefreshResult> RefreshAsync(DateTimeOffset bucket, CancellationToken cancellationToken)
    {
        if (state.State.LastBucket >= bucket)
        {
            return new RefreshResult(Shard, bucket, "alreadyDone", 0, 0, 0, null);
        }
        var now = clock.GetUtcNow();
        var candidates = await store.ListRefreshCandidatesAsync(Shard, tracking.Value.Shards, bucket, now - TimeSpan.FromDays(tracking.Value.Days), cancellationToken);
        if (candidates.Count == 0)
        {
            return await FinishAsync(new RefreshResult(Shard, bucket, "succeeded", 0, 0, 0, null), recordRun: false);
        }

        var quota = GrainFactory.GetGrain<IQuotaGrain>(0);
        var chartUnitsPerHour = await ChartUnitsPerHourAsync(now, cancellationToken);
        var capacity = await CapacityAsync(quota, chartUnitsPerHour, cancellationToken);
        var plan = RefreshPacing.Plan(candidates, bucket, collection.Value.BucketSize, capacity);
        if (plan.Due.Count == 0 && capacity > 0)
        {
            // Paced: none of the shard's videos has its turn in this bucket.
            return await FinishAsync(new RefreshResult(Shard, bucket, "succeeded", 0, 0, 0, null, plan.Tracked, plan.Level), recordRun: false);
        }
        // With no share left the governor is still asked, so what the hour could not refresh is counted as skipped.
        var wanted = plan.Due.Count > 0 ? plan.Due : candidates.Select(c => c.YouTubeId).ToList();
        var decision = await quota.RequestAsync(QuotaPriority.Refresh, (wanted.Count + IdsPerCall - 1) / IdsPerCall, chartUnitsPerHour, cancellationToken);
        await store.StartRunAsync(Shard, bucket, now, cancellationToken);
        if (!decision.Granted)
        {
            // Skipped work is recorded, not attempted; the next bucket asks again.
            return await FinishAsync(new RefreshResult(Shard, bucket, "skipped", 0, 0, 0, decision.Reason, plan.Tracked, plan.Level), recordRun: true);
        }
        // A partial grant refreshes the most recently sighted of the due videos.
        var ids = wanted.Take(decision.Units * IdsPerCall).ToList();

        var counter = new ApiCallCounter();
        var refreshed = 0;
        var gone = 0;
        QuotaUsage? usage = null;
        try
        {
            foreach (var batch in ids.Chunk(IdsPerCall))
            {
                var videos = await youTube.GetVideosAsync(batch, counter, cancellationToken);
                await Task.WhenAll(videos.Select(video =>
                    GrainFactory.GetGrain<IVideoGrain>(video.Metadata.YouTubeId).RecordAsync(video, bucket, onChart: false, cancellationToken)));
                var missing = batch.Except(videos.Select(v => v.Metadata.YouTubeId), StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    await store.MarkGoneAsync(missing, clock.GetUtcNow(), cancellationToken);
                    LogGone(missing.Count, string.Join(",", missing));
                }
                refreshed += videos.Count;
                gone += missing.Count;
            }
            usage = new QuotaUsage(counter.Count, Succeeded: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            usage = FailedCallUsage.From(counter.Count, exception);
            LogFailed(exception, Shard, bucket, exception.Message);
            // Partial progress stays: its snapshots are committed and the next tick asks only for the rest.
            await store.FinishRunAsync(Shard, bucket, "failed", refreshed, gone, counter.Count, exception.Message, clock.GetUtcNow(), CancellationToken.None);
            return new RefreshResult(Shard, bucket, "failed", refreshed, gone, counter.Count, exception.Message, plan.Tracked, plan.Level);
        }
        finally
        {
            await quota.RecordAsync(decision.Reservation, usage ?? new QuotaUsage(counter.Count, Succeeded: false), CancellationToken.None);
        }
        LogRefreshed(Shard, bucket, refreshed, gone, counter.Count);
        return await FinishAsync(new RefreshResult(Shard, bucket, "succeeded", refreshed, gone, counter.Count, null, plan.Tracked, plan.Level), recordRun: true);
    }

    private async Task<RefreshResult> FinishAsync(RefreshResult result, bool recordRun)
    {
        if (recordRun)
        {
            await store.FinishRunAsync(result.Shard, result.Bucket, result.Status, result.Videos, result.Gone, result.ApiCalls, result.Error, clock.GetUtcNow(), CancellationToken.None);
        }
        state.State.LastBucket = result.Bucket;
        await state.WriteStateAsync(CancellationToken.None);
        return result;
    }

    // This shard's slice of the hour's refresh share, per bucket, in videos (shards hold about equal numbers).
    private async Task<int> CapacityAsync(IQuotaGrain quota, int chartUnitsPerHour, CancellationToken cancellationToken)
    {
        var share = await quota.GetRefreshShareAsync(chartUnitsPerHour, cancellationToken);
        var bucketsPerHour = Math.Max(1, (int)Math.Round(TimeSpan.FromHours(1) / collection.Value.BucketSize));
        var shares = tracking.Value.Shards * bucketsPerHour;
        return (share + shares - 1) / shares * IdsPerCall;
    }

    // The charts' need for the next hour: regions collected in the last day × pages × buckets per hour.
    private async Task<int> ChartUnitsPerHourAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regions = await store.CountRecentlyCollectedRegionsAsync(now - TimeSpan.FromDays(1), cancellationToken);
        var bucketsPerHour = Math.Max(1, (int)Math.Ceiling(TimeSpan.FromHours(1) / collection.Value.BucketSize));
        return regions * collection.Value.MaxPages * bucketsPerHour;
    }

    private DateTimeOffset CurrentBucket() => Buckets.Floor(clock.GetUtcNow(), collection.Value.BucketSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracker {Shard} refreshed bucket {Bucket:o}: {Videos} videos, {Gone} gone, {ApiCalls} API calls")]
    private partial void LogRefreshed(int shard, DateTimeOffset bucket, int videos, int gone, int apiCalls);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} video(s) no longer served by YouTube, marked gone: {Videos}")]
    private partial void LogGone(int count, string videos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracker {Shard} bucket {Bucket:o} refresh failed: {Reason}")]
    private partial void LogFailed(Exception exception, int shard, DateTimeOffset bucket, string reason);
}
