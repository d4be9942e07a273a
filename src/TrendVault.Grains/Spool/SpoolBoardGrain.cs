using TrendVault.Model;

namespace TrendVault.Grains.Spool;

/// <summary>Keeps each silo's latest spool report; nothing is persisted because every silo posts again within a report period.</summary>
public sealed class SpoolBoardGrain : Grain, ISpoolBoardGrain
{
    private readonly Dictionary<string, SpoolReport> _reports = new(StringComparer.Ordinal);

    public Task PostAsync(SpoolReport report, CancellationToken cancellationToken = default)
    {
        if (!_reports.TryGetValue(report.Silo, out var known) || known.ReportedAt <= report.ReportedAt)
        {
            _reports[report.Silo] = report;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SpoolReport>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SpoolReport>>([.. _reports.Values]);
}
