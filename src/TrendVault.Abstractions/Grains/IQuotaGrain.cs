using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>Accounts YouTube API units per Pacific-time day (single instance, key 0).</summary>
[Alias("TrendVault.IQuotaGrain")]
public interface IQuotaGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Asks whether <paramref name="units"/> of work may run now. Refresh work is refused when it would
    /// leave less than <paramref name="chartUnitsPerHour"/> for every hour until the quota resets.
    /// </summary>
    [Alias("Request")]
    Task<QuotaDecision> RequestAsync(QuotaPriority priority, int units, int chartUnitsPerHour, CancellationToken cancellationToken = default);

    [Alias("Record")]
    Task RecordAsync(QuotaUsage usage, CancellationToken cancellationToken = default);

    [Alias("GetStatus"), Orleans.Concurrency.AlwaysInterleave]
    Task<QuotaStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
