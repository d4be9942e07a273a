using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;
using TrendVault.Grains;
using TrendVault.Model;

namespace TrendVault.Gateway.Apis;

public static partial class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus).WithTags("Status")
            .WithSummary("Silos and what their spools hold, whether the database answers, active regions, the API quota of the day, tracked videos, the last collection runs, chart items repaired or skipped in the 24 hours up to the latest run, how long data is kept and the data source (youtube or fake). While the database is away it still answers, with the parts read from the database left empty");
        return app;
    }

    private static async Task<Ok<ClusterStatus>> GetStatus(
        IGrainFactory grains, RegionDirectory directory, RegionQueries queries, IOptions<GatewayApiOptions> options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StatusApi));
        var reports = (await grains.GetGrain<ISpoolBoardGrain>(0).ListAsync(cancellationToken)).ToDictionary(report => report.Silo, StringComparer.Ordinal);
        IEnumerable<(string Address, string Status)> members;
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            members = hosts.Select(h => (h.Key.ToString(), h.Value.ToString()));
        }
        catch (Exception exception) when (exception is DbException or OrleansException)
        {
            // Orleans reads its membership table for the list: without the database, the silos that posted
            // a spool report lately are the ones known to be alive.
            LogUnavailable(logger, exception, "membership");
            var recent = clock.GetUtcNow() - SpoolReport.Period * 3;
            members = reports.Values.Where(r => r.ReportedAt >= recent).Select(r => (r.Silo, "Reporting"));
        }
        var silos = members
            .Select(m => new SiloInfo(m.Address, m.Status, reports.TryGetValue(m.Address, out var r) ? new HeldInfo(r.HeldCharts, r.HeldBytes) : null))
            .OrderBy(s => s.Address, StringComparer.Ordinal).ToList();
        var held = HeldInfo.Total(silos.Select(s => reports.GetValueOrDefault(s.Address)).OfType<SpoolReport>());
        QuotaInfo? quota = null;
        try
        {
            var q = await grains.GetGrain<IQuotaGrain>(0).GetStatusAsync(cancellationToken);
            quota = new QuotaInfo(q.Day, q.DailyUnits, q.UnitsUsed, q.UnitsRemaining, q.ResetsAt, q.ExhaustedUntil, q.ConfigurationError, q.RefreshUnitsSkipped);
        }
        catch (Exception exception) when (exception is DbException or OrleansException)
        {
            // The quota grain keeps its budget in the database and cannot activate without it.
            LogUnavailable(logger, exception, "quota");
        }
        try
        {
            var regions = await directory.ListAsync(cancellationToken);
            var runs = await queries.RecentRunsAsync(20, cancellationToken);
            var tracking = await queries.TrackingAsync(options.Value.TrackingDays, cancellationToken);
            var oldest = await queries.OldestChartAsync(cancellationToken);
            var broken = await queries.BrokenItemsAsync(cancellationToken);
            return TypedResults.Ok(new ClusterStatus(
                silos, regions.Where(r => r.Active).Select(r => r.Code).ToList(), quota, tracking, runs,
                new RetentionInfo(options.Value.RetentionDays, oldest), options.Value.DataSource, broken,
                new DatabaseInfo(Reachable: true, Error: null), held));
        }
        catch (DbException exception)
        {
            LogUnavailable(logger, exception, "database");
            // The message names no host or port: this endpoint is public.
            var error = $"PostgreSQL did not answer ({exception.GetType().Name}); charts collected meanwhile are held on the silos until it does.";
            return TypedResults.Ok(new ClusterStatus(
                silos, [], quota, null, [], null, options.Value.DataSource, null, new DatabaseInfo(Reachable: false, error), held));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status answered without its {Part}: the database is away")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string part);
}
