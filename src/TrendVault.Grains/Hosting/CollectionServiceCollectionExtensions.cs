using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Catalog;
using TrendVault.Storage;
using TrendVault.YouTube;

namespace TrendVault.Grains.Hosting;

public static class CollectionServiceCollectionExtensions
{
    /// <summary>Everything the collection grains need in a silo: options, API client, storage, start-up.</summary>
    public static IServiceCollection AddTrendVaultCollection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CollectionOptions>()
            .Bind(configuration.GetSection("Collection"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CollectionOptions>, CollectionOptionsValidator>();
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection("Catalog"))
            .Validate(o => o.FlagUrlTemplate.Contains("{code}", StringComparison.Ordinal), "Catalog:FlagUrlTemplate must contain {code}.")
            .Validate(o => o.CategoryConcurrency > 0, "Catalog:CategoryConcurrency must be positive.")
            .ValidateOnStart();
        services.TryAddKeyedSingleton(CollectionClock.Key, TimeProvider.System);
        services.AddYouTubeClient(configuration);
        services.AddTrendVaultStorage(configuration);
        services.AddSingleton<FlagDownloader>();
        services.AddHostedService<CollectionStartup>();
        return services;
    }
}
