namespace TrendVault.Model;

/// <summary>A YouTube content region (i18nRegions): ISO 3166-1 alpha-2 code and English name.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.RegionInfo")]
public sealed record RegionInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name);
