namespace TrendVault.Model;

/// <summary>The API budget of the current Pacific-time day; UnitsRemaining excludes units reserved by running work.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.QuotaStatus")]
public sealed record QuotaStatus(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int DailyUnits,
    [property: Id(2)] int UnitsUsed,
    [property: Id(3)] int UnitsRemaining,
    [property: Id(4)] DateTimeOffset ResetsAt,
    [property: Id(5)] DateTimeOffset? ExhaustedUntil,
    [property: Id(6)] string? ConfigurationError,
    [property: Id(7)] int RefreshUnitsSkipped,
    [property: Id(8)] int UnitsReserved = 0);
