using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>The region and category catalog (single instance, key 0).</summary>
[Alias("TrendVault.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Fetches regions, categories and flags if the catalog is empty; otherwise does nothing.</summary>
    [Alias("EnsureLoaded")]
    Task<CatalogSummary> EnsureLoadedAsync(CancellationToken cancellationToken = default);

    /// <summary>Fetches the catalog again and upserts it (flags already on disk are kept).</summary>
    [Alias("Refresh")]
    Task<CatalogSummary> RefreshAsync(CancellationToken cancellationToken = default);
}
