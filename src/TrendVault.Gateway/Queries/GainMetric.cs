namespace TrendVault.Gateway.Queries;

public enum GainMetric
{
    Views,
    Likes,
    Comments,
}
