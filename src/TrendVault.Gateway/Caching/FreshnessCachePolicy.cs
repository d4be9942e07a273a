using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace TrendVault.Gateway.Caching;

/// <summary>
/// Keeps an answer in the gateway's output cache exactly as long as the answer itself says it is fresh:
/// the endpoint's <c>Cache-Control: public, max-age=N</c> (until the next bucket for the latest board,
/// a year for a closed bucket's) becomes the entry's lifetime, and an answer marked <c>no-cache</c> or
/// without a max-age is not stored. So the server never serves what a browser would have to revalidate,
/// and a new bucket replaces a cached latest board when the bucket begins.
/// </summary>
public sealed class FreshnessCachePolicy(string endpoint) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // No request coalescing: most misses are answers that will not be stored (a board to revalidate),
        // which gain nothing from making concurrent requests wait for the first.
        context.AllowLocking = false;
        context.CacheVaryByRules.QueryKeys = "*";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Metrics(context).Hit(endpoint);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Metrics(context).Miss(endpoint);
        var response = context.HttpContext.Response;
        var freshness = response.GetTypedHeaders().CacheControl;
        if (response.StatusCode == StatusCodes.Status200OK && freshness is { Public: true, NoCache: false, MaxAge: { } maxAge } && maxAge > TimeSpan.Zero)
        {
            context.ResponseExpirationTimeSpan = maxAge;
        }
        else
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static OutputCacheMetrics Metrics(OutputCacheContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<OutputCacheMetrics>();
}
