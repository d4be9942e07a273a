using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Catalog;

namespace TrendVault.Grains.Hosting;

/// <summary>
/// After the silo starts: loads the catalog if it is empty and activates the configured regions.
/// Every silo runs it; both steps are idempotent. Retries until the database and API answer.
/// </summary>
public sealed partial class CollectionStartup(
    IGrainFactory grains,
    IOptions<CollectionOptions> collection,
    IOptions<CatalogOptions> catalog,
    IOptions<Tracking.TrackingOptions> tracking,
    Storage.Catalog.CatalogStore store,
    StartupProgress progress,
    IHostApplicationLifetime lifetime,
    ILogger<CollectionStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!catalog.Value.LoadOnStart)
        {
            progress.Complete();
            return;
        }
        // Grain calls made before the silo is active only fail and retry noisily.
        await lifetime.WaitForStartAsync(stoppingToken);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var summary = await grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync(stoppingToken);
                LogCatalog(summary.Regions, summary.Categories, summary.Fetched);
                await ActivateConfiguredRegionsAsync(stoppingToken);
                await Task.WhenAll(Enumerable.Range(0, tracking.Value.Shards).Select(shard => grains.GetGrain<ITrackerGrain>(shard).StartAsync(stoppingToken)));
                await grains.GetGrain<ICompactionGrain>(0).StartAsync(stoppingToken);
                await grains.GetGrain<IRetentionGrain>(0).StartAsync(stoppingToken);
                progress.Complete();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, 2 * attempt));
                LogRetry(exception, attempt, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    private async Task ActivateConfiguredRegionsAsync(CancellationToken cancellationToken)
    {
        var known = (await store.ListRegionCodesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var wanted = collection.Value.CollectsAllRegions ? known.Order().ToList() : collection.Value.RegionCodes();
        var unknown = wanted.Where(code => !known.Contains(code)).ToList();
        if (unknown.Count > 0)
        {
            LogUnknownRegions(string.Join(",", unknown));
        }
        var active = wanted.Where(known.Contains).ToList();
        await Task.WhenAll(active.Select(code => grains.GetGrain<IRegionGrain>(code).EnsureActiveFromConfigurationAsync(cancellationToken)));
        // Regions dropped from the configuration stop, unless an operator activated them.
        await Task.WhenAll(known.Except(active).Select(code => grains.GetGrain<IRegionGrain>(code).ReleaseFromConfigurationAsync(cancellationToken)));
        LogActivated(active.Count, string.Join(",", active));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog has {Regions} regions and {Categories} categories (fetched now: {Fetched})")]
    private partial void LogCatalog(int regions, int categories, bool fetched);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection:Regions names regions the catalog does not have: {Regions}")]
    private partial void LogUnknownRegions(string regions);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} configured region(s) active: {Regions}")]
    private partial void LogActivated(int count, string regions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up attempt {Attempt} failed; retrying in {Delay}")]
    private partial void LogRetry(Exception exception, int attempt, TimeSpan delay);
}
