using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrendVault.Gateway.Contracts;
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
        api.MapGet("/{code}/trending", GetTrending).WithSummary("The region's chart in rank order: latest bucket, or the latest at or before 'at'");

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

    private static async Task<Results<Ok<TrendingBoard>, ProblemHttpResult, ValidationProblem>> GetTrending(
        string code, [FromQuery] string? at, RegionQueries queries, CancellationToken cancellationToken)
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
        return TypedResults.Ok(await queries.TrendingAsync(region, atTime, cancellationToken));
    }

    private static async Task<Results<Ok<RegionActivation>, ProblemHttpResult>> Activate(string code, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await KnownRegionAsync(code, queries, cancellationToken) is { } problem)
        {
            return problem;
        }
        var region = Region(code)!;
        await grains.GetGrain<IRegionGrain>(region).ActivateAsync(cancellationToken);
        return TypedResults.Ok(new RegionActivation(region, Active: true));
    }

    private static async Task<Results<Ok<RegionActivation>, ProblemHttpResult>> Deactivate(string code, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await KnownRegionAsync(code, queries, cancellationToken) is { } problem)
        {
            return problem;
        }
        var region = Region(code)!;
        await grains.GetGrain<IRegionGrain>(region).DeactivateAsync(cancellationToken);
        return TypedResults.Ok(new RegionActivation(region, Active: false));
    }

    private static async Task<Results<Ok<CollectResponse>, ProblemHttpResult>> Collect(string code, RegionQueries queries, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await KnownRegionAsync(code, queries, cancellationToken) is { } problem)
        {
            return problem;
        }
        var result = await grains.GetGrain<IRegionGrain>(Region(code)!).CollectNowAsync(cancellationToken);
        if (result.Outcome == CollectionOutcome.Failed)
        {
            // The request was fine; YouTube (or storage) was not: a gateway error, with the reason.
            return TypedResults.Problem($"Collection of {result.Region} failed: {result.Error}",
                statusCode: StatusCodes.Status502BadGateway, title: "Collection failed");
        }
        return TypedResults.Ok(new CollectResponse(result.Region, result.Bucket, result.Videos, RegionDirectory.OutcomeName(result.Outcome)));
    }

    private static async Task<ProblemHttpResult?> KnownRegionAsync(string code, RegionQueries queries, CancellationToken cancellationToken)
    {
        if (Region(code) is not { } region)
        {
            return InvalidRegion(code);
        }
        return await queries.FindAsync(region, cancellationToken) is null ? UnknownRegion(region) : null;
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
