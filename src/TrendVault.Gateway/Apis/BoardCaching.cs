using TrendVault.Gateway.Caching;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Apis;

/// <summary>
/// HTTP caching of boards: a closed bucket's chart never changes, and the latest board changes only
/// when a later bucket is collected.
/// </summary>
public static class BoardCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>
    /// The board with its strong ETag and Cache-Control (304 when the client's If-None-Match already
    /// holds it). <paramref name="bucket"/> is the bucket of the asked time (of now for the
    /// latest board). The chart of an asked time's own bucket, once that bucket has closed, is immutable;
    /// the latest board, when it is the current bucket's chart, is fresh until the next bucket begins.
    /// Anything else (an earlier chart standing in for a bucket not collected yet, perhaps held in a
    /// silo's spool and written late) is revalidated every time.
    /// </summary>
    public static CachedJson<TrendingBoard> Answer(HttpContext context, TrendingBoard board, DateTimeOffset bucket, bool latest, TimeSpan bucketSize, DateTimeOffset now) =>
        HttpCaching.Json(context, board, (latest, board.CapturedAt == bucket) switch
        {
            (false, true) when bucket + bucketSize <= now => Immutable,
            (true, true) => HttpCaching.FreshFor(bucket + bucketSize - now),
            _ => "no-cache",
        });
}
