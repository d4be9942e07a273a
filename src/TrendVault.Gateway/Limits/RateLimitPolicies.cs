using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrendVault.Gateway.Limits;

/// <summary>Per-client rate limits on the endpoints whose answers cost the database most.</summary>
public static class RateLimitPolicies
{
    public const string Exports = "exports";
    public const string Queries = "queries";

    /// <summary>The video list with a text search; browsing the list without q is an index read and not limited.</summary>
    public const string Search = "search";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClientRateLimitOptions>()
            .Bind(configuration.GetSection("RateLimits"))
            .Validate(o => o.ExportsPerMinute is >= 1 and <= 1_000_000, "RateLimits:ExportsPerMinute must be from 1 to 1,000,000.")
            .Validate(o => o.QueriesPerMinute is >= 1 and <= 1_000_000, "RateLimits:QueriesPerMinute must be from 1 to 1,000,000.")
            .Validate(o => o.TrustedNetworks() is not null, "RateLimits:TrustedProxies must list IP addresses or CIDR networks, comma-separated.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ClientRateLimitOptions>>((options, limits) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // Only the configured proxies, not the framework's default of loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in limits.Value.TrustedNetworks() ?? [])
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((options, limits) =>
        {
            var exports = limits.Value.ExportsPerMinute;
            var queries = limits.Value.QueriesPerMinute;
            options.AddPolicy(Exports, context => PerClient(context, exports));
            options.AddPolicy(Queries, context => PerClient(context, queries));
            options.AddPolicy(Search, context => string.IsNullOrEmpty(context.Request.Query["q"])
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : PerClient(context, queries));
            options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, exports, queries);
        });
        return services;
    }

    /// <summary>
    /// Behind configured proxies (RateLimits:TrustedProxies), takes the client's address from their
    /// X-Forwarded-For, so the per-client limits count clients rather than the proxy.
    /// </summary>
    public static IApplicationBuilder UseClientAddresses(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value.TrustedNetworks() is { Count: > 0 }
            ? app.UseForwardedHeaders()
            : app;

    /// <summary>One fixed window per client address, no queue: a client over its limit is answered at once.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = Window, QueueLimit = 0 });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, int exports, int queries)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var limit = policy == Exports ? $"{exports} exports" : $"{queries} requests";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client exceeded the rate limit of {limit} a minute; retry after {http.Response.Headers.RetryAfter}s.",
            },
        });
    }
}
