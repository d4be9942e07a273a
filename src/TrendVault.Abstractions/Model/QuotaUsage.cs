namespace TrendVault.Model;

/// <summary>
/// What a piece of API work cost and how it ended. QuotaExceeded stops all calls until the daily
/// reset; a ConfigurationError (bad key, API not enabled) holds calls back to one probe per tick.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.QuotaUsage")]
public sealed record QuotaUsage(
    [property: Id(0)] int Units,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] bool QuotaExceeded = false,
    [property: Id(3)] string? ConfigurationError = null);
