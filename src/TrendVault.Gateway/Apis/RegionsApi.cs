using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrendVault.Gateway.Caching;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Limits;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Security;
using TrendVault.Gateway.Validation;
using TrendVault.Grains;
using TrendVault.Model;

namespace TrendVault.Gateway.Apis;

public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions");
        api.MapGet("/", ListRegions).WithSummary("List regions with their flag, active flag and last collected bucket");
        api.MapGet("/{code}", GetRegion).WithSummary("One region with its last collection run and next due time");
        api.MapGet("/{code}/categories", GetCategories).WithSummary("Video categories offered in a region");
        api.MapGet("/{code}/gaps", GetGaps).RequireRateLimiting(RateLimitPolicies.Queries).WithSummary("Buckets in a range (default: the last 24 hours) without a successful collection, and why; interval=day reports whole days (default: the last 30) without any chart, collected or imported");
        api.MapGet("/{code}/trending", GetTrending).WithSummary("The region's chart in rank order: latest bucket, or the latest at or before 'at'")
            .CacheOutput(new FreshnessCachePolicy("board"));

        var admin = api.MapGroup("/{code}").AddEndpointFilter<AdminTokenFilter>().WithTags("Admin");
        admin.MapPost("/activate", Activate).WithSummary("Start hourly collection of a region (admin)");
        admin.MapPost("/deactivate", Deactivate).WithSummary("Stop collecting a region (admin)");
        admin.MapPost("/collect", Collect).WithSummary("Collect the current bucket now; answers once it is committed (admin)");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RegionSummary>>> ListRegions(RegionDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(cancellationToken));

    private static async Task<Results<Ok<RegionDetail>, ProblemHttpResult>> GetRegion(string code, RegionDirectory directory, CancellationToken cancellationToken)
    {
        if (Region(code) is not { } region)
        {
            return InvalidRegion(code);
        }
        return await directory.FindAsync(region, cancellationToken) is { } detail ? TypedResults.Ok(detail) : UnknownRegion(region);
    }

    private static async Task<Results<Ok<IReadOnlyList<CategoryItem>>, ProblemHttpResult>> GetCategories(string code, RegionQueries queries, CancellationToken cancellationToken)
    {
        if (Region(code) is not { } region)
        {
            return InvalidRegion(code);
        }
        if (await queries.FindAsync(region, cancellationToken) is null)
        {
            return UnknownRegion(region);
        }
        return TypedResults.Ok(await queries.CategoriesAsync(region, cancellationToken));
    }

    private static async Task<Results<CachedJson<TrendingBoard>, ProblemHttpResult, ValidationProblem>> GetTrending(
        string code, [FromQuery] string? at, RegionQueries queries, Microsoft.Extensions.Options.IOptions<GatewayApiOptions> options,
        TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        if (Region(code) is not { } region)
        {
            return InvalidRegion(code);
        }
        var errors = new RequestErrors();
        var atTime = RequestParsing.Timestamp(at, "at", errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (await queries.FindAsync(region, cancellationToken) is null)
        {
            return UnknownRegion(region);
        }
        var board = await queries.TrendingAsync(region, atTime, cancellationToken);
        var now = clock.GetUtcNow();
        return BoardCaching.Answer(context, board, Buckets.Floor(atTime ?? now, options.Value.BucketSize), latest: atTime is null, options.Value.BucketSize, now);
    }

    private const int MaxGapBuckets = 10_000;

    private static async Task<Results<Ok<GapReport>, ProblemHttpResult, ValidationProblem>> GetGaps(
        string code, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? interval, RegionQueries queries,
        Microsoft.Extensions.Options.IOptions<GatewayApiOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Region(code) is not { } region)
        {
            return InvalidRegion(code);
        }
        var errors = new RequestErrors();
        // At daily resolution a day with any collected or imported chart is no gap: imported history is daily.
        var daily = RequestParsing.Choice(interval, "interval", SnapshotInterval.Hour, errors) == SnapshotInterval.Day;
        var size = daily ? TimeSpan.FromDays(1) : options.Value.BucketSize;
        var toTime = Buckets.Floor(RequestParsing.Timestamp(to, "to", errors) ?? clock.GetUtcNow(), size);
        var fromTime = Ceiling(RequestParsing.Timestamp(from, "from", errors) ?? toTime - (daily ? TimeSpan.FromDays(29) : TimeSpan.FromHours(23)), size);
        RequestParsing.Range(fromTime, toTime, errors);
        var buckets = fromTime <= toTime ? (int)Math.Min(int.MaxValue, (toTime - fromTime) / size + 1) : 0;
        if (buckets > MaxGapBuckets)
        {
            errors.Add("from", $"The range holds {buckets} buckets; at most {MaxGapBuckets} are reported at once.");
        }
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (await queries.FindAsync(region, cancellationToken) is null)
        {
            return UnknownRegion(region);
        }
        var gaps = await queries.GapsAsync(region, fromTime, toTime, size, cancellationToken);
        return TypedResults.Ok(new GapReport(region, fromTime, toTime, size, buckets, gaps));
    }

    private static DateTimeOffset Ceiling(DateTimeOffset time, TimeSpan size) =>
        Buckets.Floor(time, size) == time ? time : Buckets.Floor(time, size) + size;

    private static Task<Results<Ok<RegionActivation>, ProblemHttpResult>> Activate(string code, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken) =>
        SetActiveAsync(code, active: true, queries, grains, cancellationToken);

    private static Task<Results<Ok<RegionActivation>, ProblemHttpResult>> Deactivate(string code, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken) =>
        SetActiveAsync(code, active: false, queries, grains, cancellationToken);

    private static async Task<Results<Ok<RegionActivation>, ProblemHttpResult>> SetActiveAsync(
        string code, bool active, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (region, problem) = await KnownRegionAsync(code, queries, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var grain = grains.GetGrain<IRegionGrain>(region!);
        await (active ? grain.ActivateAsync(cancellationToken) : grain.DeactivateAsync(cancellationToken));
        return TypedResults.Ok(new RegionActivation(region!, active));
    }

    private static async Task<Results<Ok<CollectResponse>, ProblemHttpResult>> Collect(string code, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (region, problem) = await KnownRegionAsync(code, queries, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        CollectionResult result;
        try
        {
            // Not the request's token: a client that gives up must not cancel a collection half-way.
            result = await grains.GetGrain<IRegionGrain>(region!).CollectNowAsync(CancellationToken.None);
        }
        catch (TimeoutException)
        {
            return TypedResults.Problem($"The collection of {region} is taking longer than the gateway waits; it goes on — see GET /api/regions/{region}.",
                statusCode: StatusCodes.Status504GatewayTimeout, title: "Still collecting");
        }
        if (result.Outcome == CollectionOutcome.Failed)
        {
            // The request was fine; YouTube (or storage) was not: a gateway error, with the reason.
            return TypedResults.Problem($"Collection of {result.Region} failed: {result.Error}",
                statusCode: StatusCodes.Status502BadGateway, title: "Collection failed");
        }
        return TypedResults.Ok(new CollectResponse(result.Region, result.Bucket, result.Videos, RegionDirectory.OutcomeName(result.Outcome)));
    }

    /// <summary>The normalized code of a region in the catalog, or the problem to answer instead.</summary>
    private static async Task<(string? Region, ProblemHttpResult? Problem)> KnownRegionAsync(string code, RegionQueries queries, CancellationToken cancellationToken)
    {
        if (Region(code) is not { } region)
        {
            return (null, InvalidRegion(code));
        }
        return await queries.FindAsync(region, cancellationToken) is null ? (null, UnknownRegion(region)) : (region, null);
    }

    private static string? Region(string code) => RegionCode.TryNormalize(code, out var region) ? region : null;

    private static ProblemHttpResult InvalidRegion(string code)
    {
        var errors = new RequestErrors();
        RequestParsing.RegionCode(code, "code", errors, required: true);
        return Problems.InvalidRegion(errors);
    }

    private static ProblemHttpResult UnknownRegion(string region) => Problems.NotFound($"Region {region} is not in the catalog.");
}
