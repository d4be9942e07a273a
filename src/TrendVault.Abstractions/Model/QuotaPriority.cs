namespace TrendVault.Model;

[GenerateSerializer, Alias("TrendVault.QuotaPriority")]
public enum QuotaPriority
{
    /// <summary>Chart fetches: the product's core data, always served first.</summary>
    Chart,
    /// <summary>Off-chart refreshes: skipped when they would eat into the charts' budget.</summary>
    Refresh,
}
