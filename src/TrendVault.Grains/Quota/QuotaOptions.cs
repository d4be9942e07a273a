namespace TrendVault.Grains.Quota;

/// <summary>The "Quota" section: the API budget.</summary>
public sealed class QuotaOptions
{
    /// <summary>Units per day; YouTube's default project quota is 10,000.</summary>
    public int DailyUnits { get; set; } = 10_000;

    /// <summary>The quota day's time zone: YouTube resets quotas at midnight Pacific time.</summary>
    public string TimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>
    /// How long a grant stays reserved without its usage being recorded; then its caller is presumed
    /// crashed and the units spent. Longer than a collection attempt (Collection:AttemptTimeout) or a refresh.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
