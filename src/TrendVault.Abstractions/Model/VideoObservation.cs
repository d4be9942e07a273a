namespace TrendVault.Model;

/// <summary>A video as one API answer described it: metadata plus counters.</summary>
[GenerateSerializer, Immutable, Alias("TrendVault.VideoObservation")]
public sealed record VideoObservation(
    [property: Id(0)] VideoMetadata Metadata,
    [property: Id(1)] VideoStatistics Statistics);
