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

    private static async Task<Ok<CatalogSummary>> Refresh(IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.GetGrain<ICatalogGrain>(0).RefreshAsync(cancellationToken));
}
