using System.Net;
using Google.Apis.Http;

namespace TrendVault.YouTube;

/// <summary>Retries 5xx answers and transport errors inside a call, with capped exponential backoff, and counts every attempt.</summary>
public sealed class RetryingHttpClientInitializer(YouTubeOptions options) : IConfigurableHttpClientInitializer
{
    public void Initialize(ConfigurableHttpClient httpClient)
    {
        httpClient.Timeout = options.RequestTimeout;
        httpClient.MessageHandler.NumTries = Math.Clamp(options.MaxRetries + 1, 1, ConfigurableMessageHandler.MaxAllowedNumTries);
        var backOff = new BackOffHandler(new BackOffHandler.Initializer(
            new CappedExponentialBackOff(options.RetryBaseDelay, options.RetryMaxDelay, options.MaxRetries))
        {
            MaxTimeSpan = options.RetryMaxDelay,
            HandleUnsuccessfulResponseFunc = response => (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented,
            HandleExceptionFunc = exception => exception is HttpRequestException,
        });
        httpClient.MessageHandler.AddUnsuccessfulResponseHandler(backOff);
        httpClient.MessageHandler.AddExceptionHandler(backOff);
        httpClient.MessageHandler.AddExecuteInterceptor(new CallCountingInterceptor());
    }
}
