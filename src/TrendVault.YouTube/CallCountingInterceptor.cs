using Google.Apis.Http;

namespace TrendVault.YouTube;

/// <summary>Runs before every HTTP attempt, retries included, and counts it against the current caller.</summary>
internal sealed class CallCountingInterceptor : IHttpExecuteInterceptor
{
    public Task InterceptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ApiCallCounter.Current?.Increment();
        return Task.CompletedTask;
    }
}
