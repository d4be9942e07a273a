namespace TrendVault.Storage.Collection;

/// <summary>A video's rank on a region's chart in one bucket.</summary>
public sealed record TrendingEntry(int Rank, string YouTubeId);
