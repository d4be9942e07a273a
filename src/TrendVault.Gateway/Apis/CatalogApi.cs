using Microsoft.AspNetCore.Http.HttpResults;
using TrendVault.Gateway.Security;
using TrendVault.Grains;
using TrendVault.Model;

namespace TrendVault.Gateway.Apis;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/catalog/refresh", Refresh)
            .AddEndpointFilter<AdminTokenFilter>()
            .WithTags("Admin")
            .WithSummary("Fetch regions and categories from YouTube again and store them; flags already on disk are kept (admin)");
        return app;
    }

    private static async Task<Results<Ok<CatalogSummary>, ProblemHttpResult>> Refresh(IGrainFactory grains)
    {
        // Not the request's token: a client that gives up must not cancel the refresh half-way.
        var summary = await grains.GetGrain<ICatalogGrain>(0).RefreshAsync(CancellationToken.None);
        return summary.Error is null
            ? TypedResults.Ok(summary)
            : TypedResults.Problem($"The catalog was not refreshed: {summary.Error}", statusCode: StatusCodes.Status502BadGateway, title: "Refresh refused");
    }
}
