using System.Text.Json.Nodes;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Error responses in Google's shape: {"error":{code,message,errors[{message,domain,reason}],status}}.</summary>
internal static class ApiErrors
{
    // Byte-exact body of a real quota failure, including Google's \u003c / \u003e escapes and final newline.
    private const string QuotaExceededBody = """
        {
          "error": {
            "code": 403,
            "message": "The request cannot be completed because you have exceeded your \u003ca href=\"/youtube/v3/getting-started#quota\"\u003equota\u003c/a\u003e.",
            "errors": [
              {
                "message": "The request cannot be completed because you have exceeded your \u003ca href=\"/youtube/v3/getting-started#quota\"\u003equota\u003c/a\u003e.",
                "domain": "youtube.quota",
                "reason": "quotaExceeded"
              }
            ]
          }
        }

        """;

    private const string AccessNotConfiguredMessage =
        "YouTube Data API v3 has not been used in project 0 before or it is disabled. Enable it by visiting " +
        "https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=0 then retry. " +
        "If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";

    public static IResult MissingKey() =>
        Error(403, "PERMISSION_DENIED", "The request is missing a valid API key.", "global", "forbidden");

    /// <summary>Holds the request open until the client aborts it.</summary>
    private sealed class NoAnswer : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, httpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }
        }
    }

    public static IResult KeyInvalid() =>
        Error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", "usageLimits", "keyInvalid");

    public static IResult InvalidParameter(string domain, string reason, string message) =>
        Error(400, "INVALID_ARGUMENT", message, domain, reason);

    public static IResult InvalidRegionCode() => InvalidParameter(
        "youtube.parameter", "invalidRegionCode", "The regionCode parameter specifies an invalid region code.");

    /// <param name="listKind">Kind of the list the request asked for, so a truncated body looks like its start.</param>
    public static IResult ForFault(FakeFaultKind kind, string listKind) => kind switch
    {
        FakeFaultKind.QuotaExceeded => Results.Text(QuotaExceededBody, ApiJson.ContentType, statusCode: 403),
        FakeFaultKind.RateLimitExceeded => Error(403, "PERMISSION_DENIED",
            "The request cannot be completed because you have exceeded the rate limit.", "youtube.quota", "rateLimitExceeded"),
        FakeFaultKind.ServerError => Error(500, "INTERNAL", "Internal error encountered.", "global", "backendError"),
        FakeFaultKind.ServiceUnavailable => Error(503, "UNAVAILABLE", "The service is currently unavailable.", "global", "backendError"),
        FakeFaultKind.MalformedJson => Results.Text(
            $"{{\n  \"kind\": \"{listKind}\",\n  \"etag\": \"", ApiJson.ContentType, statusCode: 200),
        FakeFaultKind.ChartNotFound => Error(404, "NOT_FOUND",
            "The requested video chart is not supported or is not available.", "youtube.video", "videoChartNotFound"),
        FakeFaultKind.KeyInvalid => KeyInvalid(),
        FakeFaultKind.AccessNotConfigured => Error(403, "PERMISSION_DENIED", AccessNotConfiguredMessage, "usageLimits", "accessNotConfigured"),
        FakeFaultKind.Hang => new NoAnswer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind."),
    };

    private static IResult Error(int code, string status, string message, string domain, string reason) => ApiJson.Result(
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason }),
                ["status"] = status,
            },
        },
        code);
}
