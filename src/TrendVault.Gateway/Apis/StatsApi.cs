using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Limits;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Validation;

namespace TrendVault.Gateway.Apis;

public static class StatsApi
{
    /// <summary>Longer windows read every point of every video charted in them (issue 12: 7 s for 30 days of all regions).</summary>
    public const int MaxWindowDays = 30;

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats").WithTags("Stats").RequireRateLimiting(RateLimitPolicies.Queries);
        api.MapGet("/top", TopGainers).WithSummary("Biggest gainers of views, likes or comments over a window (at most 30 days) ending at the latest collected bucket");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<TopGainer>>, ProblemHttpResult, ValidationProblem>> TopGainers(
        [FromQuery] string? region, [FromQuery] string? metric, [FromQuery] string? window, [FromQuery] string? limit,
        StatsQueries stats, RegionQueries regions, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var code = RequestParsing.RegionCode(region, "region", errors, required: false);
        var gainMetric = RequestParsing.Choice(metric, "metric", GainMetric.Views, errors);
        var span = RequestParsing.Window(window, "window", TimeSpan.FromHours(24), MaxWindowDays, errors);
        var top = RequestParsing.Integer(limit, "limit", 10, 1, 100, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        if (code is not null && await regions.FindAsync(code, cancellationToken) is null)
        {
            return Problems.NotFound($"Region {code} is not in the catalog.");
        }
        return TypedResults.Ok(await stats.TopGainersAsync(code, gainMetric, span, top, cancellationToken));
    }
}
