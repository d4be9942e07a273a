namespace TrendVault.FakeYouTube.Data;

/// <summary>A video category; non-assignable ones are the legacy/browse-only categories.</summary>
public sealed record FakeCategory(string Id, string Title, bool Assignable);
