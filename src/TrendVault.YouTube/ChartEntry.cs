using TrendVault.Model;

namespace TrendVault.YouTube;

/// <summary>A video at its 1-based position on a region's chart.</summary>
public sealed record ChartEntry(int Rank, VideoObservation Video);
