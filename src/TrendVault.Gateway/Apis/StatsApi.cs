using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrendVault.Gateway.Caching;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Limits;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Validation;

namespace TrendVault.Gateway.Apis;

public static class StatsApi
{
    /// <summary>Longer windows probe more videos charted in them (issue 12: ~0.04–0.09 s for 30 days of all regions, uncached).</summary>
    public const int MaxWindowDays = 30;

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats").WithTags("Stats").RequireRateLimiting(RateLimitPolicies.Queries);
        api.MapGet("/top", TopGainers)
            .WithSummary("Biggest gainers of views, likes or comments over a window (at most 30 days) ending at the latest collected bucket; cached for a minute")
            .CacheOutput(new FreshnessCachePolicy("stats"));
        return app;
    }

    private static async Task<Results<CachedJson<IReadOnlyList<TopGainer>>, ProblemHttpResult, ValidationProblem>> TopGainers(
        [FromQuery] string? region, [FromQuery] string? metric, [FromQuery] string? window, [FromQuery] string? limit,
        StatsQueries stats, RegionQueries regions, HttpContext context, CancellationToken cancellationToken)
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
        var gainers = await stats.TopGainersAsync(code, gainMetric, span, top, cancellationToken);
        // A top list changes only as buckets are collected and costs up to ~0.2 s of database time: it is
        // served from the cache for a minute, so it may lag the newest collection by that much.
        return HttpCaching.Json(context, gainers, HttpCaching.FreshFor(HttpCaching.Recent));
    }
}
