namespace TrendVault.YouTube.Errors;

/// <summary>What a failed API call means for the caller, independent of the error body's shape.</summary>
public enum YouTubeErrorKind
{
    /// <summary>The day's quota is spent (quotaExceeded, dailyLimitExceeded): stop until the Pacific-time reset.</summary>
    QuotaExceeded,
    /// <summary>Too many requests right now (rateLimitExceeded): back off, retry later.</summary>
    RateLimited,
    /// <summary>The key is missing, malformed or rejected (keyInvalid, keyExpired, a 403 without key).</summary>
    InvalidKey,
    /// <summary>The Google Cloud project has not enabled the YouTube Data API (accessNotConfigured).</summary>
    AccessNotConfigured,
    /// <summary>The region or category has no chart (videoChartNotFound): nothing to collect, not a failure.</summary>
    ChartNotFound,
    /// <summary>The request itself was rejected (badRequest, invalid parameter).</summary>
    BadRequest,
    /// <summary>Any other 403.</summary>
    Forbidden,
    /// <summary>Any other 404.</summary>
    NotFound,
    /// <summary>5xx from the API after the in-call retries.</summary>
    ServerError,
    /// <summary>The body was not the JSON the API promises (truncated, not JSON, wrong shape).</summary>
    MalformedResponse,
    /// <summary>Connection failure or timeout after the in-call retries.</summary>
    Transport,
    /// <summary>An error status the classifier does not know.</summary>
    Unexpected,
}
