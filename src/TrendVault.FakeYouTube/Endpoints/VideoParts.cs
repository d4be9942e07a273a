namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>The video resource parts a request asked for; only these appear in the response.</summary>
[Flags]
internal enum VideoParts
{
    None = 0,
    Snippet = 1,
    ContentDetails = 2,
    Statistics = 4,
}
