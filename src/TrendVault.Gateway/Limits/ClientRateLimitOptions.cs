namespace TrendVault.Gateway.Limits;

/// <summary>
/// Requests one client (remote IP address) may make per minute to the expensive endpoints
/// (section RateLimits). Each group counts separately.
/// </summary>
public sealed class ClientRateLimitOptions
{
    /// <summary>CSV exports (each streams up to a year of one region).</summary>
    public int ExportsPerMinute { get; set; } = 10;

    /// <summary>Each of: top gainers, gap reports, and video searches (a list with q).</summary>
    public int QueriesPerMinute { get; set; } = 120;
}
