namespace TrendVault.Model;

/// <summary>
/// Whether planned API work may go ahead; Reason says why not. A grant reserves <see cref="Units"/>
/// until the caller records its usage with <see cref="Reservation"/> (or the reservation expires).
/// Refresh requests may be granted fewer units than asked for.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.QuotaDecision")]
public sealed record QuotaDecision(
    [property: Id(0)] bool Granted,
    [property: Id(1)] string? Reason,
    [property: Id(2)] Guid Reservation = default,
    [property: Id(3)] int Units = 0)
{
    public static QuotaDecision Refused(string reason) => new(false, reason);
}
