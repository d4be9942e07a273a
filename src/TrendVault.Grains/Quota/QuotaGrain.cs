using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using TrendVault.Model;

namespace TrendVault.Grains.Quota;

/// <summary>
/// The cluster's one account of API units: keeps the <see cref="QuotaState"/> and its writes, while
/// <see cref="QuotaBudget"/> decides. Every region records its units once per bucket, all within a second
/// or two: those counts (and reservations) are persisted together shortly after and on deactivation,
/// while a new day, a quota stop or a configuration error is written at once.
/// </summary>
public sealed partial class QuotaGrain(
    [PersistentState("quota")] IPersistentState<QuotaState> state,
    IOptions<QuotaOptions> quota,
    IOptions<CollectionOptions> collection,
    QuotaMetrics metrics,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<QuotaGrain> logger) : Grain, IQuotaGrain
{
    // A crashed silo loses at most this much counting; YouTube's own quotaExceeded still stops everything.
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    // While writes fail, the retries back off to this.
    private static readonly TimeSpan MaxFlushDelay = TimeSpan.FromSeconds(30);

    private readonly QuotaBudget _budget = new(quota.Value, collection.Value.TickPeriod);
    private IGrainTimer? _flush;
    private bool _dirty;
    private TimeSpan? _failingFor;

    public async Task<QuotaDecision> RequestAsync(QuotaPriority priority, int units, int chartUnitsPerHour, CancellationToken cancellationToken = default)
    {
        var now = await OpenAsync(cancellationToken);
        var skippedBefore = state.State.RefreshUnitsSkipped;
        var (decision, persistNow) = _budget.Request(state.State, priority, units, chartUnitsPerHour, now);
        if (state.State.RefreshUnitsSkipped > skippedBefore)
        {
            metrics.RefreshUnitsSkipped(state.State.RefreshUnitsSkipped - skippedBefore);
            LogRefreshSkipped(state.State.RefreshUnitsSkipped - skippedBefore, units, decision.Units);
        }
        await SaveAsync(persistNow, cancellationToken);
        return decision;
    }

    public async Task RecordAsync(Guid reservation, QuotaUsage usage, CancellationToken cancellationToken = default)
    {
        var now = await OpenAsync(cancellationToken);
        var wasConfigurationError = state.State.ConfigurationError;
        var (persistNow, settled) = _budget.Record(state.State, reservation, usage, now);
        metrics.UnitsUsed(settled?.Priority, usage.Units);
        if (usage.QuotaExceeded)
        {
            LogExhausted(state.State.UnitsUsed, state.State.ExhaustedUntil!.Value);
        }
        if (usage.ConfigurationError is { } error && wasConfigurationError is null)
        {
            LogConfigurationError(error);
        }
        await SaveAsync(persistNow, cancellationToken);
    }

    public async Task<int> GetRefreshShareAsync(int chartUnitsPerHour, CancellationToken cancellationToken = default)
    {
        var now = await OpenAsync(cancellationToken);
        return _budget.RefreshShare(state.State, chartUnitsPerHour, now);
    }

    public Task<QuotaStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_budget.Status(state.State, clock.GetUtcNow()));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    // Every call first opens the current day and hour and expires reservations whose callers never reported.
    private async Task<DateTimeOffset> OpenAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dayChanged = _budget.RollOver(state.State, now);
        foreach (var expired in _budget.Expire(state.State, now))
        {
            metrics.ReservationExpired(expired.Priority);
            metrics.UnitsUsed(expired.Priority, expired.Units);
            LogReservationExpired(expired.Units, expired.Priority, expired.GrantedAt);
            MarkDirty();
        }
        if (dayChanged)
        {
            await SaveNowAsync(cancellationToken);
        }
        return now;
    }

    private async Task SaveAsync(bool persistNow, CancellationToken cancellationToken)
    {
        metrics.Publish(_budget.Status(state.State, clock.GetUtcNow()));
        if (persistNow)
        {
            await SaveNowAsync(cancellationToken);
        }
        else
        {
            MarkDirty();
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
        _flush.Change(_failingFor ?? FlushDelay, Timeout.InfiniteTimeSpan);
    }

    // While writes fail, a write that should happen at once waits for the timer instead: a grant must not
    // wait out a failing write (an unreachable server can take seconds to refuse).
    private async Task SaveNowAsync(CancellationToken cancellationToken)
    {
        if (_failingFor is null)
        {
            await PersistAsync(cancellationToken);
        }
        else
        {
            MarkDirty();
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await PersistAsync(cancellationToken);
        }
    }

    // Never fails its caller while the database is away: a grant or a record must not cost a tick its chart.
    // The counts in memory stay authoritative; the timer writes them, backing off to 30 s, until one succeeds.
    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        _dirty = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
            if (_failingFor is not null)
            {
                _failingFor = null;
                LogPersistedAgain();
            }
        }
        catch (InconsistentStateException exception)
        {
            // Another activation wrote the state: this one's view is stale, so let a fresh one read it.
            LogFlushFailed(exception);
            DeactivateOnIdle();
        }
        catch (Exception exception)
        {
            if (_failingFor is null)
            {
                LogFlushFailed(exception);
            }
            _failingFor = _failingFor is { } delay ? TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxFlushDelay.Ticks)) : FlushDelay;
            _dirty = true;
            ArmFlush();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "YouTube quota exhausted after {UnitsUsed} units; no calls until {ResetsAt:u}")]
    private partial void LogExhausted(int unitsUsed, DateTimeOffset resetsAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "YouTube API configuration error (key or project): {Error}. One probe per tick until it is fixed.")]
    private partial void LogConfigurationError(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quota counts could not be persisted; kept in memory and retried, backing off to 30 s")]
    private partial void LogFlushFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quota counts persisted again")]
    private partial void LogPersistedAgain();

    [LoggerMessage(Level = LogLevel.Information, Message = "Refresh units skipped: {Skipped} of {Asked} asked ({Granted} granted); the charts' budget and this hour's share come first")]
    private partial void LogRefreshSkipped(int skipped, int asked, int granted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Priority} grant of {Units} units made at {GrantedAt:o} was never recorded; its units count as spent")]
    private partial void LogReservationExpired(int units, QuotaPriority priority, DateTimeOffset grantedAt);
}
