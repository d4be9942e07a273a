using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;
using TrendVault.Grains;

namespace TrendVault.Gateway.Apis;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus).WithTags("Status")
            .WithSummary("Silos, active regions, the API quota of the day, tracked videos, the last collection runs, chart items repaired or skipped in the 24 hours up to the latest run, how long data is kept and the data source (youtube or fake)");
        return app;
    }

    private static async Task<Ok<ClusterStatus>> GetStatus(
        IGrainFactory grains, RegionDirectory directory, RegionQueries queries, IOptions<GatewayApiOptions> options, CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        var regions = await directory.ListAsync(cancellationToken);
        var runs = await queries.RecentRunsAsync(20, cancellationToken);
        var tracking = await queries.TrackingAsync(options.Value.TrackingDays, cancellationToken);
        var oldest = await queries.OldestChartAsync(cancellationToken);
        var quota = await grains.GetGrain<IQuotaGrain>(0).GetStatusAsync(cancellationToken);
        var broken = await queries.BrokenItemsAsync(cancellationToken);
        return TypedResults.Ok(new ClusterStatus(
            hosts.Select(h => new SiloInfo(h.Key.ToString(), h.Value.ToString())).OrderBy(s => s.Address, StringComparer.Ordinal).ToList(),
            regions.Where(r => r.Active).Select(r => r.Code).ToList(),
            new QuotaInfo(quota.Day, quota.DailyUnits, quota.UnitsUsed, quota.UnitsRemaining, quota.ResetsAt, quota.ExhaustedUntil,
                quota.ConfigurationError, quota.RefreshUnitsSkipped),
            tracking,
            runs,
            new RetentionInfo(options.Value.RetentionDays, oldest),
            options.Value.DataSource,
            broken));
    }
}
