using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;
using TrendVault.Grains;
using TrendVault.Model;
using TrendVault.Storage;

namespace TrendVault.Gateway.Apis;

public static partial class StatusApi
{
    /// <summary>Longest wait for one grain's part of the status; the database may hang rather than refuse.</summary>
    private static readonly TimeSpan GrainTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus).WithTags("Status")
            .WithSummary("Silos and what their spools hold, whether the database answers, active regions, the API quota of the day, tracked videos, the last collection runs, chart items repaired or skipped in the 24 hours up to the latest run, how long data is kept and the data source (youtube or fake). While the database is away it still answers: the parts read from the database are null, and the silos come from their spool reports");
        return app;
    }

    private static async Task<Ok<ClusterStatus>> GetStatus(
        IGrainFactory grains, RegionDirectory directory, RegionQueries queries, IOptions<GatewayApiOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StatusApi));
        var reports = (await Partly(logger, "spool reports", () => grains.GetGrain<ISpoolBoardGrain>(0).ListAsync(cancellationToken).WaitAsync(GrainTimeout, cancellationToken))
            ?? []).ToDictionary(report => report.Silo, StringComparer.Ordinal);
        // Orleans reads its membership table for the list: without the database, the silos that posted a
        // spool report lately are the ones known to be alive.
        var hosts = await Partly(logger, "membership", () => grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(GrainTimeout, cancellationToken));
        var members = hosts?.Select(h => (Address: h.Key.ToString(), Status: h.Value.ToString()))
            ?? reports.Keys.Select(silo => (Address: silo, Status: "Reporting"));
        var silos = members
            .Select(m => new SiloInfo(m.Address, m.Status, reports.TryGetValue(m.Address, out var r) ? new HeldInfo(r.HeldCharts, r.HeldBytes) : null))
            .OrderBy(s => s.Address, StringComparer.Ordinal).ToList();
        var held = HeldInfo.Total(silos.Select(s => reports.GetValueOrDefault(s.Address)).OfType<SpoolReport>());
        // The quota grain keeps its budget in the database and cannot activate without it.
        var quota = await Partly(logger, "quota", async () =>
        {
            var q = await grains.GetGrain<IQuotaGrain>(0).GetStatusAsync(cancellationToken).WaitAsync(GrainTimeout, cancellationToken);
            return new QuotaInfo(q.Day, q.DailyUnits, q.UnitsUsed, q.UnitsRemaining, q.ResetsAt, q.ExhaustedUntil, q.ConfigurationError, q.RefreshUnitsSkipped);
        });
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
        catch (Exception exception) when (Unavailable(exception))
        {
            LogUnavailable(logger, exception, "database");
            // The message names no host or port: this endpoint is public.
            var error = $"PostgreSQL did not answer ({exception.GetType().Name}); charts collected meanwhile are held on the silos until it does.";
            return TypedResults.Ok(new ClusterStatus(
                silos, null, quota, null, null, null, options.Value.DataSource, null, new DatabaseInfo(Reachable: false, error), held));
        }
    }

    /// <summary>One part of the status, or null when the database or the cluster cannot give it now.</summary>
    private static async Task<T?> Partly<T>(ILogger logger, string part, Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (Unavailable(exception))
        {
            LogUnavailable(logger, exception, part);
            return null;
        }
    }

    /// <summary>An outage to report, not a bug to surface: a refused query or a permission error still fails the request.</summary>
    private static bool Unavailable(Exception exception) => exception is OrleansException || DatabaseOutage.Is(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status answered without its {Part}: the database or the cluster is away")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string part);
}
