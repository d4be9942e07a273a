using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;
using TrendVault.Grains;
using TrendVault.Model;

namespace TrendVault.Gateway.Apis;

/// <summary>Joins the catalog rows (database) with each region grain's live state.</summary>
public sealed class RegionDirectory(RegionQueries queries, IGrainFactory grains)
{
    public async Task<IReadOnlyList<RegionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await queries.ListAsync(cancellationToken);
        var statuses = await Task.WhenAll(rows.Select(row => grains.GetGrain<IRegionGrain>(row.Code).GetStatusAsync(cancellationToken)));
        return rows.Zip(statuses, (row, status) => new RegionSummary(row.Code, row.Name, FlagUrl(row.FlagPath), status.Active, row.LastCollectedAt)).ToList();
    }

    public async Task<RegionDetail?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(code, cancellationToken) is not { } row)
        {
            return null;
        }
        var status = await grains.GetGrain<IRegionGrain>(code).GetStatusAsync(cancellationToken);
        var run = status.LastRun is { } last ? new RunStatus(last.Bucket, OutcomeName(last.Outcome), last.Error, last.Videos, last.Repaired, last.Skipped) : null;
        return new RegionDetail(row.Code, row.Name, FlagUrl(row.FlagPath), status.Active, row.LastCollectedAt, run, status.NextDueAt);
    }

    public static string OutcomeName(CollectionOutcome outcome) => outcome switch
    {
        CollectionOutcome.Collected => "collected",
        CollectionOutcome.AlreadyCollected => "alreadyCollected",
        CollectionOutcome.NoChart => "noChart",
        CollectionOutcome.Skipped => "skipped",
        CollectionOutcome.Held => "held",
        _ => "failed",
    };

    private static string? FlagUrl(string? flagPath) => flagPath is null ? null : "/static/" + flagPath;
}
