using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using TrendVault.Model;

namespace TrendVault.Grains.Quota;

/// <summary>
/// The cluster's one account of API units. Charts come first: refreshes are refused when they would
/// leave the charts short for the rest of the quota day; a quotaExceeded answer stops everything until midnight Pacific time; a
/// key or project error lets one call through per tick period, so a bad key never causes a storm.
/// Every region records its units once per bucket, all within the same second or two: those counts are
/// persisted together shortly after (and on deactivation) rather than one storage write per region,
/// while a quota stop or a configuration error is written at once.
/// </summary>
public sealed partial class QuotaGrain(
    [PersistentState("quota")] IPersistentState<QuotaState> state,
    IOptions<QuotaOptions> quota,
    IOptions<CollectionOptions> collection,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<QuotaGrain> logger) : Grain, IQuotaGrain
{
    // A crashed silo loses at most this much counting; YouTube's own quotaExceeded still stops everything.
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    private TimeZoneInfo? _zone;
    private IGrainTimer? _flush;
    private bool _dirty;

    private TimeZoneInfo Zone => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(quota.Value.TimeZone);

    public async Task<QuotaDecision> RequestAsync(QuotaPriority priority, int units, int chartUnitsPerHour, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await RollOverAsync(now, cancellationToken);
        var current = state.State;
        if (current.ExhaustedUntil > now)
        {
            return new QuotaDecision(false, $"YouTube quota exhausted until {current.ExhaustedUntil:u}.");
        }
        if (current.ConfigurationError is { } error)
        {
            if (current.LastProbeAt > now - collection.Value.TickPeriod)
            {
                return new QuotaDecision(false, $"API configuration error, waiting for the next probe: {error}");
            }
            current.LastProbeAt = now;
            await PersistAsync(cancellationToken);
            return QuotaDecision.Grant;
        }
        var remaining = quota.Value.DailyUnits - current.UnitsUsed;
        if (priority == QuotaPriority.Chart && remaining <= 0)
        {
            return new QuotaDecision(false, $"The daily budget of {quota.Value.DailyUnits} units is spent.");
        }
        // The charts keep their budget for every hour left in the quota day, not just the next one.
        var kept = chartUnitsPerHour * (int)Math.Ceiling((NextReset(now) - now).TotalHours);
        if (priority == QuotaPriority.Refresh && remaining - units < kept)
        {
            current.RefreshUnitsSkipped += units;
            MarkDirty();
            LogRefreshSkipped(units, remaining, kept);
            return new QuotaDecision(false, $"Skipped: {units} refresh units would leave {remaining - units} of the {kept} kept for the charts until the reset.");
        }
        return QuotaDecision.Grant;
    }

    public async Task RecordAsync(QuotaUsage usage, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await RollOverAsync(now, cancellationToken);
        var current = state.State;
        // What stops or resumes calls is written at once; plain counts join the next flush.
        var persistNow = usage.QuotaExceeded || usage.ConfigurationError is not null || (usage.Succeeded && current.ConfigurationError is not null);
        current.UnitsUsed += usage.Units;
        if (usage.QuotaExceeded)
        {
            current.ExhaustedUntil = NextReset(now);
            LogExhausted(current.UnitsUsed, current.ExhaustedUntil.Value);
        }
        if (usage.ConfigurationError is { } error)
        {
            if (current.ConfigurationError is null)
            {
                LogConfigurationError(error);
            }
            current.ConfigurationError = error;
            current.LastProbeAt = now;
        }
        else if (usage.Succeeded)
        {
            current.ConfigurationError = null;
        }
        if (persistNow)
        {
            await PersistAsync(cancellationToken);
        }
        else
        {
            MarkDirty();
        }
    }

    public Task<QuotaStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = Today(now);
        // A new day that no call has opened yet still reads as a fresh budget.
        var current = state.State.Day == today ? state.State : new QuotaState { Day = today };
        return Task.FromResult(new QuotaStatus(
            today,
            quota.Value.DailyUnits,
            current.UnitsUsed,
            Math.Max(0, quota.Value.DailyUnits - current.UnitsUsed),
            NextReset(now),
            current.ExhaustedUntil > now ? current.ExhaustedUntil : null,
            current.ConfigurationError,
            current.RefreshUnitsSkipped));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private void MarkDirty()
    {
        if (!_dirty)
        {
            _dirty = true;
            ArmFlush();
        }
    }

    private void ArmFlush()
    {
        _flush ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _flush.Change(FlushDelay, Timeout.InfiniteTimeSpan);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }
        try
        {
            await PersistAsync(cancellationToken);
        }
        catch (InconsistentStateException exception)
        {
            // Another activation wrote the state: this one's view is stale, so let a fresh one read it.
            LogFlushFailed(exception);
            DeactivateOnIdle();
        }
        catch (Exception exception)
        {
            // PersistAsync armed the next attempt; the counts in memory stay authoritative meanwhile.
            LogFlushFailed(exception);
        }
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        _dirty = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // Whoever failed to write (the timer or an immediate write), the counts are saved again shortly.
            _dirty = true;
            ArmFlush();
            throw;
        }
    }

    private async Task RollOverAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Today(now);
        if (state.State.Day == today)
        {
            return;
        }
        // A configuration error outlives the day: a new day does not fix a bad key.
        state.State = new QuotaState { Day = today, ConfigurationError = state.State.ConfigurationError, LastProbeAt = state.State.LastProbeAt };
        await PersistAsync(cancellationToken);
    }

    private DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    private DateTimeOffset NextReset(DateTimeOffset now)
    {
        var midnight = Today(now).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube quota exhausted after {UnitsUsed} units; no calls until {ResetsAt:u}")]
    private partial void LogExhausted(int unitsUsed, DateTimeOffset resetsAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "YouTube API configuration error (key or project): {Error}. One probe per tick until it is fixed.")]
    private partial void LogConfigurationError(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quota counts could not be persisted; retrying shortly")]
    private partial void LogFlushFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refresh of {Units} units skipped: {Remaining} remain and {Kept} are kept for charts")]
    private partial void LogRefreshSkipped(int units, int remaining, int kept);
}
