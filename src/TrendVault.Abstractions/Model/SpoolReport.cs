namespace TrendVault.Model;

/// <summary>
/// What one silo's spool holds for the database: charts and their bytes in its folder. Silos on one host or
/// one compose volume may share a folder, so totals count each <see cref="Folder"/> (the folder's identity) once.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.SpoolReport")]
public sealed record SpoolReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] int HeldCharts,
    [property: Id(2)] long HeldBytes,
    [property: Id(3)] DateTimeOffset ReportedAt,
    [property: Id(4)] string Folder)
{
    /// <summary>How often every silo posts its report: how stale the held figures may be.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
}
