namespace TrendVault.Gateway.Contracts;

/// <summary>The YouTube API budget of the current Pacific-time day.</summary>
public sealed record QuotaInfo(
    DateOnly Day,
    int DailyUnits,
    int UnitsUsed,
    int UnitsRemaining,
    DateTimeOffset ResetsAt,
    DateTimeOffset? ExhaustedUntil,
    string? ConfigurationError,
    int RefreshUnitsSkipped);
