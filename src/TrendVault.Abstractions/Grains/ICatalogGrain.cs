using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>
/// The region and category catalog (single instance, key 0). Loading it makes a call per region (110 with
/// the real API's catalog) and downloads flags, which outlasts the default 30 s (the gateway's 10 s) call timeout.
/// </summary>
[Alias("TrendVault.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Fetches regions, categories and flags if the catalog is empty; otherwise does nothing.</summary>
    [Alias("EnsureLoaded"), ResponseTimeout("00:10:00")]
    Task<CatalogSummary> EnsureLoadedAsync(CancellationToken cancellationToken = default);

    /// <summary>Fetches the catalog again and upserts it (flags already on disk are kept).</summary>
    [Alias("Refresh"), ResponseTimeout("00:10:00")]
    Task<CatalogSummary> RefreshAsync(CancellationToken cancellationToken = default);
}
