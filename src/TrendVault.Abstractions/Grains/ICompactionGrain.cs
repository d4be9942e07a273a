namespace TrendVault.Grains;

/// <summary>Compacts closed days of snapshots once they are older than the hot window (single instance, key 0).</summary>
[Alias("TrendVault.ICompactionGrain")]
public interface ICompactionGrain : IGrainWithIntegerKey
{
    [Alias("Start")]
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Compacts every closed day older than the hot window now; returns the snapshots moved.</summary>
    [Alias("CompactNow")]
    Task<long> CompactNowAsync(CancellationToken cancellationToken = default);
}
