using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>Accounts YouTube API units per Pacific-time day (single instance, key 0).</summary>
[Alias("TrendVault.IQuotaGrain")]
public interface IQuotaGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Asks whether <paramref name="units"/> of work may run now and reserves them if so. Refresh work
    /// gets at most the current hour's share of what the charts leave, and never less than
    /// <paramref name="chartUnitsPerHour"/> is kept for every hour until the quota resets.
    /// </summary>
    [Alias("Request")]
    Task<QuotaDecision> RequestAsync(QuotaPriority priority, int units, int chartUnitsPerHour, CancellationToken cancellationToken = default);

    /// <summary>Settles a grant's reservation with what the work really cost (<see cref="Guid.Empty"/>: work that reserved nothing).</summary>
    [Alias("RecordReserved")]
    Task RecordAsync(Guid reservation, QuotaUsage usage, CancellationToken cancellationToken = default);

    /// <summary>Units all refreshes together may spend in the current hour: an even share of what the charts leave for the rest of the day.</summary>
    [Alias("GetRefreshShare")]
    Task<int> GetRefreshShareAsync(int chartUnitsPerHour, CancellationToken cancellationToken = default);

    [Alias("GetStatus"), Orleans.Concurrency.AlwaysInterleave]
    Task<QuotaStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
