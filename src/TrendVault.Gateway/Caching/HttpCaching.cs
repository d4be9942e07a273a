using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TrendVault.Gateway.Caching;

/// <summary>Strong ETags and Cache-Control for JSON answers, and the If-None-Match check.</summary>
public static class HttpCaching
{
    /// <summary>
    /// How long an answer that may still change within the current bucket is fresh: a video, its series, a
    /// top list. It lags the newest collection by at most this much.
    /// </summary>
    public static readonly TimeSpan Recent = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sets the answer's strong ETag (a hash of its JSON) and Cache-Control, and gives its output-cache
    /// entry the same lifetime; true when the client's If-None-Match already holds the tag (answer 304).
    /// </summary>
    public static bool Validate<T>(HttpContext context, T body, string cacheControl)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var tag = new EntityTagHeaderValue("\"" + Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, json))).TrimEnd('=') + "\"");
        context.Response.GetTypedHeaders().ETag = tag;
        context.Response.Headers.CacheControl = cacheControl;
        FreshnessCachePolicy.KeepWhileFresh(context);
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(match => match.Equals(EntityTagHeaderValue.Any) || match.Compare(tag, useStrongComparison: false));
    }

    /// <summary>Public for <paramref name="span"/> in whole seconds (rounded up), or no-cache when nothing is left of it.</summary>
    public static string FreshFor(TimeSpan span) =>
        span > TimeSpan.Zero ? $"public, max-age={(int)Math.Ceiling(span.TotalSeconds)}" : "no-cache";
}
