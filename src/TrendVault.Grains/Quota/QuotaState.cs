using TrendVault.Model;

namespace TrendVault.Grains.Quota;

/// <summary>Units spent in the current quota day, persisted so a restart does not forget them.</summary>
[GenerateSerializer, Alias("TrendVault.QuotaState")]
public sealed class QuotaState
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public int UnitsUsed { get; set; }

    [Id(2)] public DateTimeOffset? ExhaustedUntil { get; set; }

    [Id(3)] public string? ConfigurationError { get; set; }

    /// <summary>When the last call was let through despite a configuration error (one probe per tick).</summary>
    [Id(4)] public DateTimeOffset? LastProbeAt { get; set; }

    [Id(5)] public int RefreshUnitsSkipped { get; set; }

    /// <summary>Grants whose usage is not recorded yet; they outlive a day's rollover.</summary>
    [Id(6)] public List<QuotaReservation> Reservations { get; set; } = [];

    /// <summary>Start (UTC) of the hour the refresh share below belongs to.</summary>
    [Id(7)] public DateTimeOffset? Hour { get; set; }

    /// <summary>Units used or reserved when <see cref="Hour"/> began: the base of the hour's refresh share.</summary>
    [Id(8)] public int UnitsAtHourStart { get; set; }

    /// <summary>Units granted to (or spent beyond their grant by) refreshes in <see cref="Hour"/>.</summary>
    [Id(9)] public int RefreshUnitsThisHour { get; set; }

    public int UnitsReserved => Reservations.Sum(r => r.Units);
}
