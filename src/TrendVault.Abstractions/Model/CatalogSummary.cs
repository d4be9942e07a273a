namespace TrendVault.Model;

/// <summary>Size of the stored catalog and whether this call had to fetch it.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.CatalogSummary")]
public sealed record CatalogSummary(
    [property: Id(0)] int Regions,
    [property: Id(1)] int Categories,
    [property: Id(2)] bool Fetched);
