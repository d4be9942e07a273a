using TrendVault.Model;

namespace TrendVault.Storage.Spool;

/// <summary>A video at its 1-based position on a held chart, as the API described it.</summary>
public sealed record HeldEntry(int Rank, VideoObservation Video);
