using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace TrendVault.Gateway.Caching;

/// <summary>
/// A JSON answer with a strong ETag and Cache-Control. It is serialized once: the tag is the hash of
/// the very bytes sent (a year's hourly series is 8,760 points). 304 without a body when the request's
/// If-None-Match already holds the tag.
/// </summary>
public sealed class CachedJson<T> : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    // Pooled: a year's hourly series is 867 KB, and an array that size per answer went to the large object
    // heap, whose collections paused the gateway (12 gen2 collections in 300 such answers).
    // What the pool keeps between answers is bounded; a burst beyond it is allocated and collected as before.
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 64 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64 * 1024 * 1024,
    });

    private readonly RecyclableMemoryStream _utf8;
    private readonly EntityTagHeaderValue _tag;
    private readonly string _cacheControl;

    public CachedJson(HttpContext context, T value, string cacheControl)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        _utf8 = Buffers.GetStream(nameof(CachedJson<T>));
        JsonSerializer.Serialize(_utf8, value, json);
        _tag = HttpCaching.StrongTag(_utf8.GetReadOnlySequence());
        _cacheControl = cacheControl;
        Value = value;
        NotModified = HttpCaching.ClientHolds(context.Request, _tag);
    }

    public T? Value { get; }

    /// <summary>The client already holds this answer.</summary>
    public bool NotModified { get; }

    public int? StatusCode => NotModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var utf8 = _utf8;
        var response = httpContext.Response;
        response.GetTypedHeaders().ETag = _tag;
        response.Headers.CacheControl = _cacheControl;
        FreshnessCachePolicy.KeepWhileFresh(httpContext);
        if (NotModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = utf8.Length;
        foreach (var segment in utf8.GetReadOnlySequence())
        {
            await response.Body.WriteAsync(segment, httpContext.RequestAborted);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
