namespace TrendVault.FakeYouTube.Data;

/// <summary>A content region as listed by i18nRegions (ISO 3166-1 alpha-2 code, English name).</summary>
public sealed record FakeRegion(string Code, string Name);
