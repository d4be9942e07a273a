using System.Net;
using Google;

namespace TrendVault.YouTube.Errors;

/// <summary>
/// Maps Google error bodies (legacy 2019 shape with errors[] first, modern shape with status and
/// details[]) and transport failures to <see cref="YouTubeErrorKind"/>.
/// </summary>
public static class YouTubeErrorClassifier
{
    public static YouTubeApiException Classify(GoogleApiException exception)
    {
        var status = exception.HttpStatusCode;
        // Google.Apis reports an unparseable success body as a GoogleApiException carrying the 2xx status.
        if ((int)status is >= 200 and < 300 || exception.InnerException is Newtonsoft.Json.JsonException)
        {
            return Malformed(exception);
        }
        var reason = exception.Error?.Errors?.FirstOrDefault(e => !string.IsNullOrEmpty(e.Reason))?.Reason;
        var message = exception.Error?.Message ?? exception.Message;
        var kind = KindOf(status, reason, message, exception.Error?.ErrorResponseContent);
        return new YouTubeApiException(kind, status, reason, $"YouTube API {(int)status} {reason ?? "error"}: {message}", exception);
    }

    public static YouTubeApiException Malformed(Exception exception) =>
        new(YouTubeErrorKind.MalformedResponse, null, null, $"YouTube API answered with malformed JSON: {exception.Message}", exception);

    public static YouTubeErrorKind KindOf(HttpStatusCode status, string? reason, string? message, string? body = null)
    {
        switch (reason)
        {
            case "quotaExceeded" or "dailyLimitExceeded":
                return YouTubeErrorKind.QuotaExceeded;
            case "rateLimitExceeded" or "userRateLimitExceeded":
                return YouTubeErrorKind.RateLimited;
            case "keyInvalid" or "keyExpired":
                return YouTubeErrorKind.InvalidKey;
            case "accessNotConfigured":
                return YouTubeErrorKind.AccessNotConfigured;
            case "videoChartNotFound":
                return YouTubeErrorKind.ChartNotFound;
        }

        // The modern invalid-key answer is a plain badRequest whose details[] name API_KEY_INVALID.
        if (body?.Contains("API_KEY_INVALID", StringComparison.Ordinal) == true)
        {
            return YouTubeErrorKind.InvalidKey;
        }
        if (status == HttpStatusCode.Forbidden && message?.Contains("missing a valid API key", StringComparison.OrdinalIgnoreCase) == true)
        {
            return YouTubeErrorKind.InvalidKey;
        }

        var code = (int)status;
        return code switch
        {
            400 => YouTubeErrorKind.BadRequest,
            403 => YouTubeErrorKind.Forbidden,
            404 => YouTubeErrorKind.NotFound,
            429 => YouTubeErrorKind.RateLimited,
            >= 500 and < 600 => YouTubeErrorKind.ServerError,
            _ => YouTubeErrorKind.Unexpected,
        };
    }
}
