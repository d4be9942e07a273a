using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrendVault.Gateway.Caching;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Limits;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Validation;

namespace TrendVault.Gateway.Apis;

public static class VideosApi
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// How deep numbered pages reach (page × pageSize): an OFFSET reads every row it skips (10,000 deep took
    /// 100 ms on a million videos). The next cursor goes on from there at the cost of a first page.
    /// </summary>
    public const int MaxDepth = 2_000;

    public static IEndpointRouteBuilder MapVideosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/videos").WithTags("Videos");
        api.MapGet("/", ListVideos).RequireRateLimiting(RateLimitPolicies.Search).WithSummary("Tracked videos, filtered by region, category or text; paged by page (pageSize at most 100, page × pageSize at most 2,000) or, to any depth, by after=next");
        api.MapGet("/{videoId}", GetVideo)
            .WithSummary("A video's metadata, latest counters and the regions where it trended with its best rank; ETag, cached for a minute")
            .CacheOutput(new FreshnessCachePolicy("video"));
        api.MapGet("/{videoId}/snapshots", GetSnapshots)
            .WithSummary("A video's counters over time; interval=day keeps the last snapshot of each UTC day; ETag, cached for a minute")
            .CacheOutput(new FreshnessCachePolicy("series"));
        return app;
    }

    private static async Task<Results<Ok<VideoPage>, ValidationProblem>> ListVideos(
        [FromQuery] string? region, [FromQuery] string? category, [FromQuery] string? q, [FromQuery] string? sort,
        [FromQuery] string? page, [FromQuery] string? pageSize, [FromQuery] string? after, VideoQueries queries, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var cursor = Cursor(after, page, errors);
        var filter = new VideoFilter(
            RequestParsing.RegionCode(region, "region", errors, required: false),
            string.IsNullOrEmpty(category) ? null : RequestParsing.Integer(category, "category", 0, 1, short.MaxValue, errors),
            RequestParsing.SearchText(q, "q", errors),
            RequestParsing.Choice(sort, "sort", VideoSort.LastSeen, errors),
            RequestParsing.Integer(page, "page", 1, 1, 1_000_000, errors),
            RequestParsing.Integer(pageSize, "pageSize", 20, 1, MaxPageSize, errors),
            cursor);
        if (!errors.Any && (long)filter.Page * filter.PageSize > MaxDepth)
        {
            errors.Add("page", $"Numbered pages reach at most {MaxDepth:N0} videos deep (page × pageSize); go further with after= and each page's next cursor, or narrow the list with region, category or q.");
        }
        if (!errors.Any && cursor is not null && cursor.Sort != filter.Sort)
        {
            errors.Add("after", $"This cursor continues the list sorted by {Camel(cursor.Sort)}; ask with sort={Camel(cursor.Sort)}.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        return TypedResults.Ok(await queries.ListAsync(filter, cancellationToken));
    }

    private static VideoCursor? Cursor(string? after, string? page, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(after))
        {
            return null;
        }
        if (!string.IsNullOrEmpty(page))
        {
            errors.Add("after", "Give either page or after (the next cursor of the page before), not both.");
            return null;
        }
        var cursor = VideoCursor.Decode(after);
        if (cursor is null)
        {
            errors.Add("after", "Not a cursor of this list: pass a page's next value unchanged.");
        }
        return cursor;
    }

    private static string Camel(VideoSort sort) => char.ToLowerInvariant(sort.ToString()[0]) + sort.ToString()[1..];

    private static async Task<Results<CachedJson<VideoDetail>, ProblemHttpResult>> GetVideo(
        string videoId, VideoQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        if (!RequestParsing.IsVideoId(videoId))
        {
            return Problems.InvalidVideoId(videoId);
        }
        if (await queries.FindAsync(videoId, cancellationToken) is not { } video)
        {
            return UnknownVideo(videoId);
        }
        return HttpCaching.Json(context, video, Fresh);
    }

    private static async Task<Results<CachedJson<IReadOnlyList<SnapshotPoint>>, ProblemHttpResult, ValidationProblem>> GetSnapshots(
        string videoId, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? interval, VideoQueries queries,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!RequestParsing.IsVideoId(videoId))
        {
            return Problems.InvalidVideoId(videoId);
        }
        var errors = new RequestErrors();
        var fromTime = RequestParsing.Timestamp(from, "from", errors);
        var toTime = RequestParsing.Timestamp(to, "to", errors);
        var step = RequestParsing.Choice(interval, "interval", SnapshotInterval.Hour, errors);
        RequestParsing.Range(fromTime, toTime, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (await queries.SnapshotsAsync(videoId, fromTime, toTime, step, cancellationToken) is not { } points)
        {
            return UnknownVideo(videoId);
        }
        return HttpCaching.Json(context, points, Fresh);
    }

    // A video changes through the bucket: its snapshot arrives with the first region that charts it, and
    // each later region's chart, a tracker finding it gone or a chart replayed after an outage changes it
    // again. So its answers are fresh for a minute, never a whole bucket.
    private static readonly string Fresh = HttpCaching.FreshFor(HttpCaching.Recent);

    private static ProblemHttpResult UnknownVideo(string videoId) => Problems.NotFound($"Video {videoId} is not tracked.");
}
