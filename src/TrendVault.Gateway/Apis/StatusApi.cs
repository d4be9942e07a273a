using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;

namespace TrendVault.Gateway.Apis;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus).WithTags("Status")
            .WithSummary("Silos in the cluster, active regions, the last collection runs and the data source (youtube or fake)");
        return app;
    }

    private static async Task<Ok<ClusterStatus>> GetStatus(
        IGrainFactory grains, RegionDirectory directory, RegionQueries queries, IOptions<GatewayApiOptions> options, CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var regions = await directory.ListAsync(cancellationToken);
        var runs = await queries.RecentRunsAsync(20, cancellationToken);
        return TypedResults.Ok(new ClusterStatus(
            hosts.Select(h => new SiloInfo(h.Key.ToString(), h.Value.ToString())).OrderBy(s => s.Address, StringComparer.Ordinal).ToList(),
            regions.Where(r => r.Active).Select(r => r.Code).ToList(),
            runs,
            options.Value.DataSource));
    }
}
