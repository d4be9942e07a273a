namespace TrendVault.Grains.Tracking;

/// <summary>What a bucket refreshes: the due videos' ids, the pacing level used and how many were tracked.</summary>
public sealed record RefreshPlan(IReadOnlyList<string> Due, int Level, int Tracked);
