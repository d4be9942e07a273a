using TrendVault.Model;

namespace TrendVault.Gateway.Contracts;

/// <summary>Charts fetched while the database could not take them, held on the silos' disks until it does.</summary>
public sealed record HeldInfo(int Charts, long Bytes)
{
    /// <summary>Silos sharing a spool folder report the same charts: each folder counts once, by its latest report.</summary>
    public static HeldInfo Total(IEnumerable<SpoolReport> reports)
    {
        var folders = reports.GroupBy(r => r.Folder, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.ReportedAt)!).ToList();
        return new HeldInfo(folders.Sum(r => r.HeldCharts), folders.Sum(r => r.HeldBytes));
    }
}
