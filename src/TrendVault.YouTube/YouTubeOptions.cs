namespace TrendVault.YouTube;

/// <summary>
/// Where and how to call the YouTube Data API. ApiKey and BaseUrl come from YOUTUBE_API_KEY and
/// YOUTUBE_BASE_URL; the rest from the "YouTube" section.
/// </summary>
public sealed class YouTubeOptions
{
    public const string DefaultBaseUrl = "https://www.googleapis.com/youtube/v3/";

    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Display language of region and category names (the API's hl).</summary>
    public string Language { get; set; } = "en_US";

    /// <summary>Retries of a 5xx answer or a transport error inside one call.</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
