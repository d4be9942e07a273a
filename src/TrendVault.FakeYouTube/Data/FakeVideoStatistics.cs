namespace TrendVault.FakeYouTube.Data;

/// <summary>Counters of a video at one instant; null means the key is absent (likes hidden, comments disabled).</summary>
public readonly record struct FakeVideoStatistics(long Views, long? Likes, long? Comments);
