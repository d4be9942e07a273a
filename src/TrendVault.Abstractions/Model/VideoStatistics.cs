namespace TrendVault.Model;

/// <summary>
/// Counters of one video at one moment. Likes and comments are null when the owner hides them
/// (YouTube omits the field); null is never the same as zero. Any counter is also null when YouTube
/// sent none or one that does not fit a bigint; a video without views has no snapshot in its bucket.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.VideoStatistics")]
public sealed record VideoStatistics(
    [property: Id(0)] long? Views,
    [property: Id(1)] long? Likes,
    [property: Id(2)] long? Comments);
