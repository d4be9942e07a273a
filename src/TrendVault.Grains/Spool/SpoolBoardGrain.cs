using TrendVault.Model;

namespace TrendVault.Grains.Spool;

/// <summary>
/// Keeps each silo's latest spool report, in memory only: every silo posts again within a report period.
/// Reports are aged by this grain's clock, not the silos', and a silo silent for three periods (stopped, or
/// restarted under a new address) drops off the board.
/// </summary>
public sealed class SpoolBoardGrain(TimeProvider clock) : Grain, ISpoolBoardGrain
{
    private readonly Dictionary<string, (SpoolReport Report, DateTimeOffset ReceivedAt)> _reports = new(StringComparer.Ordinal);

    public Task PostAsync(SpoolReport report, CancellationToken cancellationToken = default)
    {
        _reports[report.Silo] = (report, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SpoolReport>> ListAsync(CancellationToken cancellationToken = default)
    {
        var silent = clock.GetUtcNow() - SpoolReport.Period * 3;
        foreach (var silo in _reports.Where(entry => entry.Value.ReceivedAt < silent).Select(entry => entry.Key).ToList())
        {
            _reports.Remove(silo);
        }
        return Task.FromResult<IReadOnlyList<SpoolReport>>([.. _reports.Values.Select(entry => entry.Report)]);
    }
}
