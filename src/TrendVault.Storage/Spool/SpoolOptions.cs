namespace TrendVault.Storage.Spool;

/// <summary>
/// The "Spool" section: where a silo keeps the charts it fetched while PostgreSQL could not take them.
/// A chart of hour H cannot be fetched again after H, so it is held on disk until the database is back.
/// </summary>
public sealed class SpoolOptions
{
    /// <summary>The folder of held charts; silos on one host may share it (each chart is replayed once, under a file lock).</summary>
    public string Path { get; set; } = "data/spool";

    /// <summary>
    /// Most bytes held. A chart of 100 fake-API videos took 16 KB compressed (measured); real descriptions are
    /// longer, so budget about 100 KB per 200-video chart: 11 regions hold about 1 MB per hour of outage, and the
    /// default 1 GiB covers weeks. Beyond it new charts are dropped, logged and counted.
    /// </summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>How often held charts are offered to the database again.</summary>
    public TimeSpan ReplayPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between replay attempts while the database stays away.</summary>
    public TimeSpan MaxReplayDelay { get; set; } = TimeSpan.FromSeconds(30);
}
