using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace TrendVault.Gateway.Caching;

/// <summary>
/// Keeps an answer in the gateway's output cache exactly as long as the answer itself says it is fresh:
/// the endpoint's <c>Cache-Control: public, max-age=N</c> (until the next bucket for the latest board,
/// a year for a closed bucket's) becomes the entry's lifetime, and an answer marked <c>no-cache</c> or
/// without a max-age is not stored. So the server never serves what a browser would have to revalidate,
/// and a new bucket replaces a cached latest board when the bucket begins. The output cache fixes an
/// entry's lifetime when the body starts, before this policy sees the finished response: an endpoint
/// calls <see cref="KeepWhileFresh"/> once its headers are set.
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
        if (FreshFor(context.HttpContext.Response) is null)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Gives the answer's cache entry the lifetime its Cache-Control states; call before writing the body.</summary>
    public static void KeepWhileFresh(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } cache && FreshFor(context.Response) is { } maxAge)
        {
            cache.Context.ResponseExpirationTimeSpan = maxAge;
        }
    }

    private static TimeSpan? FreshFor(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK
        && response.GetTypedHeaders().CacheControl is { Public: true, NoCache: false, MaxAge: { } maxAge } && maxAge > TimeSpan.Zero
            ? maxAge
            : null;

    private static OutputCacheMetrics Metrics(OutputCacheContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<OutputCacheMetrics>();
}
