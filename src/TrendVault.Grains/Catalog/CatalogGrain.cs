using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Quota;
using TrendVault.Model;
using TrendVault.Storage.Catalog;
using TrendVault.YouTube;
using TrendVault.YouTube.Errors;

namespace TrendVault.Grains.Catalog;

/// <summary>
/// Loads regions, their categories and flags from the API. A single activation serializes the
/// silos' start-up calls, so the catalog is fetched once however many silos start together.
/// </summary>
public sealed partial class CatalogGrain(
    IYouTubeClient youTube,
    CatalogStore store,
    FlagDownloader flags,
    IOptions<CatalogOptions> options,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock,
    ILogger<CatalogGrain> logger) : Grain, ICatalogGrain
{
    public async Task<CatalogSummary> EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (!await store.IsFetchedAsync(cancellationToken))
        {
            return await LoadAsync(Guid.Empty, cancellationToken);
        }
        await DownloadMissingFlagsAsync(cancellationToken);
        return new CatalogSummary(await store.CountRegionsAsync(cancellationToken), await store.CountCategoriesAsync(cancellationToken), Fetched: false);
    }

    public async Task<CatalogSummary> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var regions = await store.CountRegionsAsync(cancellationToken);
        // One call for the regions and one per region for its categories.
        var decision = await GrainFactory.GetGrain<IQuotaGrain>(0).RequestAsync(QuotaPriority.Chart, regions + 1, 0, cancellationToken);
        if (!decision.Granted)
        {
            return new CatalogSummary(regions, await store.CountCategoriesAsync(cancellationToken), Fetched: false, decision.Reason);
        }
        try
        {
            return await LoadAsync(decision.Reservation, cancellationToken);
        }
        catch (YouTubeApiException exception)
        {
            return new CatalogSummary(regions, await store.CountCategoriesAsync(cancellationToken), Fetched: false, exception.Message);
        }
    }

    private async Task<CatalogSummary> LoadAsync(Guid reservation, CancellationToken cancellationToken)
    {
        // Catalog calls cost quota units like any other.
        var calls = new ApiCallCounter();
        var quota = GrainFactory.GetGrain<IQuotaGrain>(0);
        try
        {
            var summary = await LoadAsync(calls, cancellationToken);
            await quota.RecordAsync(reservation, new QuotaUsage(calls.Count, Succeeded: true), CancellationToken.None);
            return summary;
        }
        catch (Exception exception)
        {
            await quota.RecordAsync(reservation, FailedCallUsage.From(calls.Count, exception), CancellationToken.None);
            throw;
        }
    }

    private async Task<CatalogSummary> LoadAsync(ApiCallCounter calls, CancellationToken cancellationToken)
    {
        var regions = await youTube.ListRegionsAsync(calls, cancellationToken);
        await store.UpsertRegionsAsync(regions, clock.GetUtcNow(), cancellationToken);

        var categoryCount = 0;
        await Parallel.ForEachAsync(
            regions,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.CategoryConcurrency), CancellationToken = cancellationToken },
            async (region, token) =>
            {
                try
                {
                    var categories = await youTube.ListCategoriesAsync(region.Code, calls, token);
                    await store.ReplaceCategoriesAsync(region.Code, categories, token);
                    Interlocked.Add(ref categoryCount, categories.Count);
                }
                catch (YouTubeApiException exception) when (exception.Kind is YouTubeErrorKind.BadRequest or YouTubeErrorKind.NotFound)
                {
                    // Some regions have no category list; the region itself is still usable.
                    LogCategoriesMissing(region.Code, exception.Message);
                }
            });

        await DownloadMissingFlagsAsync(cancellationToken);
        LogLoaded(regions.Count, categoryCount);
        return new CatalogSummary(regions.Count, categoryCount, Fetched: true);
    }

    private async Task DownloadMissingFlagsAsync(CancellationToken cancellationToken)
    {
        foreach (var code in await store.ListRegionsWithoutFlagAsync(cancellationToken))
        {
            if (await flags.EnsureFlagAsync(code, cancellationToken) is { } path)
            {
                await store.SetFlagPathAsync(code, path, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog loaded: {Regions} regions, {Categories} categories")]
    private partial void LogLoaded(int regions, int categories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No categories for region {Region}: {Reason}")]
    private partial void LogCategoriesMissing(string region, string reason);
}
