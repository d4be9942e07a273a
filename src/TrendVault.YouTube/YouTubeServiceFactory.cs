using Google.Apis.Http;
using Google.Apis.Services;
using TrendVault.YouTube.Api;

namespace TrendVault.YouTube;

public static class YouTubeServiceFactory
{
    /// <summary>
    /// The service with the key, base URL and retry policy from <paramref name="options"/>.
    /// <paramref name="httpClientFactory"/> replaces the transport (tests replay recorded answers through it).
    /// </summary>
    public static YouTubeService Create(YouTubeOptions options, IHttpClientFactory? httpClientFactory = null) =>
        new(new BaseClientService.Initializer
        {
            ApiKey = options.ApiKey,
            BaseUri = options.BaseUrl,
            ApplicationName = "TrendVault",
            GZipEnabled = true,
            // Our initializer owns retries: Google's default only retries 503 and starts at one second.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            HttpClientInitializer = new RetryingHttpClientInitializer(options),
            HttpClientFactory = httpClientFactory ?? new HttpClientFactory(),
        });
}
