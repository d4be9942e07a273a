namespace TrendVault.Model;

/// <summary>Size of the stored catalog, whether this call fetched it, and why not when YouTube or the quota refused.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.CatalogSummary")]
public sealed record CatalogSummary(
    [property: Id(0)] int Regions,
    [property: Id(1)] int Categories,
    [property: Id(2)] bool Fetched,
    [property: Id(3)] string? Error = null);
