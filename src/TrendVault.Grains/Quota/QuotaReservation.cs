using TrendVault.Model;

namespace TrendVault.Grains.Quota;

/// <summary>Units granted to work that has not recorded its usage yet.</summary>
[GenerateSerializer, Alias("TrendVault.QuotaReservation")]
public sealed class QuotaReservation
{
    [Id(0)] public Guid Id { get; set; }

    [Id(1)] public QuotaPriority Priority { get; set; }

    [Id(2)] public int Units { get; set; }

    [Id(3)] public DateTimeOffset GrantedAt { get; set; }

    /// <summary>After this the caller is presumed dead and its units spent.</summary>
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }
}
