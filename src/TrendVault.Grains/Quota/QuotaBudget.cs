using TrendVault.Model;

namespace TrendVault.Grains.Quota;

/// <summary>
/// The budget policy over a <see cref="QuotaState"/>, without Orleans. Every grant reserves its units until
/// the caller records what it spent, so concurrent callers cannot overshoot together; a reservation not
/// settled within <see cref="QuotaOptions.ReservationTimeout"/> counts as spent. Charts come first: a
/// refresh gets at most the current hour's even share of what the charts leave for the rest of the
/// Pacific day, and never what the charts need for every hour until the reset. A quotaExceeded answer
/// stops everything until the reset; a key or project error lets one probe through per probe interval.
/// </summary>
public sealed class QuotaBudget(QuotaOptions options, TimeSpan probeInterval)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public int DailyUnits => options.DailyUnits;

    /// <summary>Opens a new quota day or hour if <paramref name="now"/> is in one; true when the day changed (persist at once).</summary>
    public bool RollOver(QuotaState state, DateTimeOffset now)
    {
        var dayChanged = false;
        var today = Today(now);
        if (state.Day != today)
        {
            // A new day does not fix a bad key (ConfigurationError stays), and work granted before midnight is still running.
            state.Day = today;
            state.UnitsUsed = 0;
            state.ExhaustedUntil = null;
            state.RefreshUnitsSkipped = 0;
            dayChanged = true;
        }
        var hour = Buckets.Floor(now, Hour);
        if (dayChanged || state.Hour != hour)
        {
            state.Hour = hour;
            state.UnitsAtHourStart = state.UnitsUsed + state.UnitsReserved;
            state.RefreshUnitsThisHour = 0;
        }
        return dayChanged;
    }

    /// <summary>Drops reservations whose callers never reported and counts their units as spent.</summary>
    public IReadOnlyList<QuotaReservation> Expire(QuotaState state, DateTimeOffset now)
    {
        var expired = state.Reservations.Where(r => r.ExpiresAt <= now).ToList();
        foreach (var reservation in expired)
        {
            state.Reservations.Remove(reservation);
            state.UnitsUsed += reservation.Units;
        }
        return expired;
    }

    /// <summary>Decides a request and, when granted, reserves the units. PersistNow: the decision changed what must survive a crash.</summary>
    public (QuotaDecision Decision, bool PersistNow) Request(QuotaState state, QuotaPriority priority, int units, int chartUnitsPerHour, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        if (state.ExhaustedUntil > now)
        {
            return (QuotaDecision.Refused($"YouTube quota exhausted until {state.ExhaustedUntil:u}."), false);
        }
        if (state.ConfigurationError is { } error)
        {
            if (state.LastProbeAt > now - probeInterval)
            {
                return (QuotaDecision.Refused($"API configuration error, waiting for the next probe: {error}"), false);
            }
            state.LastProbeAt = now;
            return (Reserve(state, priority, units, now), true);
        }
        var remaining = Remaining(state);
        if (priority != QuotaPriority.Refresh)
        {
            return remaining < units
                ? (QuotaDecision.Refused($"The daily budget of {options.DailyUnits} units is spent ({remaining} left, {units} asked)."), false)
                : (Reserve(state, priority, units, now), false);
        }
        // The charts keep their budget for every hour left in the quota day, not just the next one.
        var kept = ChartUnitsKept(state, chartUnitsPerHour, now);
        var allowed = Math.Min(remaining - kept, RefreshShare(state, chartUnitsPerHour, now) - state.RefreshUnitsThisHour);
        var granted = Math.Clamp(allowed, 0, units);
        state.RefreshUnitsSkipped += units - granted;
        if (granted == 0 && units > 0)
        {
            return (QuotaDecision.Refused(
                $"Skipped: {units} refresh units; {remaining} remain, {kept} are kept for the charts until the reset and this hour's refresh share is used."), false);
        }
        state.RefreshUnitsThisHour += granted;
        return (Reserve(state, priority, granted, now), false);
    }

    /// <summary>
    /// The units all refreshes may spend in the current hour: what the charts leave of the budget as the hour
    /// began, divided evenly over the hours left in the Pacific day. An hour that leaves its share unused
    /// passes it on to the later ones.
    /// </summary>
    public int RefreshShare(QuotaState state, int chartUnitsPerHour, DateTimeOffset now)
    {
        var hours = HoursLeft(state, now);
        var pool = options.DailyUnits - state.UnitsAtHourStart - chartUnitsPerHour * hours;
        return Math.Max(0, pool / hours);
    }

    /// <summary>
    /// Settles a reservation with the units really spent (Settled: null when it was unknown or had expired);
    /// PersistNow when calls stop or resume because of it.
    /// </summary>
    public (bool PersistNow, QuotaReservation? Settled) Record(QuotaState state, Guid reservation, QuotaUsage usage, DateTimeOffset now)
    {
        var persistNow = usage.QuotaExceeded || usage.ConfigurationError is not null || (usage.Succeeded && state.ConfigurationError is not null);
        var settled = state.Reservations.Find(r => r.Id == reservation);
        if (settled is not null)
        {
            state.Reservations.Remove(settled);
            // Retries can cost more than was granted; a refresh's extra units still come out of its hour.
            if (settled.Priority == QuotaPriority.Refresh && settled.GrantedAt >= state.Hour)
            {
                state.RefreshUnitsThisHour += usage.Units - settled.Units;
            }
        }
        state.UnitsUsed += usage.Units;
        if (usage.QuotaExceeded)
        {
            state.ExhaustedUntil = NextReset(now);
        }
        if (usage.ConfigurationError is { } error)
        {
            state.ConfigurationError = error;
            state.LastProbeAt = now;
        }
        else if (usage.Succeeded)
        {
            state.ConfigurationError = null;
        }
        return (persistNow, settled);
    }

    public QuotaStatus Status(QuotaState state, DateTimeOffset now)
    {
        var today = Today(now);
        // A new day that no call has opened yet still reads as a fresh budget (less what is still reserved).
        var used = state.Day == today ? state.UnitsUsed : 0;
        var reserved = state.UnitsReserved;
        return new QuotaStatus(
            today,
            options.DailyUnits,
            used,
            Math.Max(0, options.DailyUnits - used - reserved),
            NextReset(now),
            state.ExhaustedUntil > now ? state.ExhaustedUntil : null,
            state.ConfigurationError,
            state.Day == today ? state.RefreshUnitsSkipped : 0,
            reserved);
    }

    public int Remaining(QuotaState state) => options.DailyUnits - state.UnitsUsed - state.UnitsReserved;

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime);

    public DateTimeOffset NextReset(DateTimeOffset now)
    {
        var midnight = Today(now).AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    // Hours from the start of the current one to the reset (23 or 25 on a daylight-saving change).
    private int HoursLeft(QuotaState state, DateTimeOffset now) =>
        Math.Max(1, (int)Math.Ceiling((NextReset(now) - (state.Hour ?? Buckets.Floor(now, Hour))) / Hour));

    // Every later hour's charts, plus whatever this hour's charts have not taken yet.
    private int ChartUnitsKept(QuotaState state, int chartUnitsPerHour, DateTimeOffset now)
    {
        var spentThisHour = state.UnitsUsed + state.UnitsReserved - state.UnitsAtHourStart - state.RefreshUnitsThisHour;
        return chartUnitsPerHour * (HoursLeft(state, now) - 1) + Math.Max(0, chartUnitsPerHour - spentThisHour);
    }

    private QuotaDecision Reserve(QuotaState state, QuotaPriority priority, int units, DateTimeOffset now)
    {
        var reservation = new QuotaReservation
        {
            Id = Guid.NewGuid(),
            Priority = priority,
            Units = units,
            GrantedAt = now,
            ExpiresAt = now + options.ReservationTimeout,
        };
        state.Reservations.Add(reservation);
        return new QuotaDecision(true, null, reservation.Id, units);
    }
}
