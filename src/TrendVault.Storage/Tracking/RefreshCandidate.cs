namespace TrendVault.Storage.Tracking;

/// <summary>A tracked video due for an off-chart refresh: its row key, YouTube id and last chart sighting.</summary>
public sealed record RefreshCandidate(long VideoKey, string YouTubeId, DateTimeOffset LastSeenAt);
