namespace TrendVault.Gateway.Queries;

/// <summary>Orders the video list can be sorted by (the query's sort parameter, case-insensitive).</summary>
public enum VideoSort
{
    LastSeen,
    FirstSeen,
    Published,
    Title,
    Views,
}
