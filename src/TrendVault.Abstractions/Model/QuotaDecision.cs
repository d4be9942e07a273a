namespace TrendVault.Model;

/// <summary>Whether planned API work may go ahead; Reason says why not.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.QuotaDecision")]
public sealed record QuotaDecision(
    [property: Id(0)] bool Granted,
    [property: Id(1)] string? Reason)
{
    public static QuotaDecision Grant { get; } = new(true, null);
}
