namespace TrendVault.Model;

/// <summary>A video category as offered in one region.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.CategoryInfo")]
public sealed record CategoryInfo(
    [property: Id(0)] int Id,
    [property: Id(1)] string Title,
    [property: Id(2)] bool Assignable);
