using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Apis;

/// <summary>HTTP caching of boards asked for at a time (<c>?at=</c>): closed buckets never change.</summary>
public static class BoardCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>
    /// Sets the board's strong ETag and Cache-Control; true when the client's If-None-Match already
    /// holds it (answer 304). Only the chart of the asked time's own bucket, once that bucket has
    /// closed, is immutable: an earlier chart standing in for a missing bucket may yet be replaced
    /// (a chart held in a silo's spool is written late), so it is revalidated every time.
    /// </summary>
    public static bool Validate(HttpContext context, TrendingBoard board, DateTimeOffset bucket, TimeSpan bucketSize, DateTimeOffset now)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var tag = new EntityTagHeaderValue("\"" + Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(board, json))).TrimEnd('=') + "\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = tag;
        context.Response.Headers.CacheControl = board.CapturedAt == bucket && bucket + bucketSize <= now ? Immutable : "no-cache";
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(match => match.Equals(EntityTagHeaderValue.Any) || match.Compare(tag, useStrongComparison: false));
    }
}
