using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrendVault.Grains.Catalog;
using TrendVault.Grains.Compaction;
using TrendVault.Grains.Quota;
using TrendVault.Grains.Regions;
using TrendVault.Grains.Retention;
using TrendVault.Grains.Spool;
using TrendVault.Grains.Tracking;
using TrendVault.Storage;
using TrendVault.Storage.Spool;
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
            .Validate(o => o.FlagUrlTemplate.Contains("{code}", StringComparison.Ordinal)
                && Uri.TryCreate(o.FlagUrlTemplate.Replace("{code}", "us", StringComparison.Ordinal), UriKind.Absolute, out _),
                "Catalog:FlagUrlTemplate must be an absolute URL containing {code}.")
            .Validate(o => o.CategoryConcurrency > 0, "Catalog:CategoryConcurrency must be positive.")
            .Validate(o => o.FlagMaxBytes > 0, "Catalog:FlagMaxBytes must be positive.")
            .ValidateOnStart();
        services.AddOptions<QuotaOptions>()
            .Bind(configuration.GetSection("Quota"))
            .Validate(o => o.DailyUnits > 0, "Quota:DailyUnits must be positive.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Quota:TimeZone is not a known time zone.")
            .Validate(o => o.ReservationTimeout > TimeSpan.Zero, "Quota:ReservationTimeout must be positive.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<QuotaMetrics>();
        services.AddOptions<TrackingOptions>()
            .Bind(configuration.GetSection("Tracking"))
            .Validate(o => o.Days is >= 0 and <= 365, "Tracking:Days must be between 0 and 365.")
            .Validate(o => o.Shards is >= 1 and <= 256, "Tracking:Shards must be between 1 and 256.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>();
        services.AddOptions<CompactionOptions>()
            .Bind(configuration.GetSection("Compaction"))
            .Validate(o => o.HotWindow >= TimeSpan.FromDays(1), "Compaction:HotWindow must be at least one day.")
            .Validate(o => o.Period >= TimeSpan.FromMinutes(1), "Compaction:Period must be at least one minute.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection("Retention"))
            .Validate(o => o.Days is null or (>= 1 and <= 36_500), "Retention:Days must be between 1 and 36500 when set.")
            .Validate(o => o.BatchSize is >= 100 and <= 1_000_000, "Retention:BatchSize must be between 100 and 1000000.")
            .Validate(o => o.Period >= TimeSpan.FromMinutes(1), "Retention:Period must be at least one minute.")
            .ValidateOnStart();
        services.TryAddKeyedSingleton(CollectionClock.Key, TimeProvider.System);
        services.TryAddSingleton(TimeProvider.System);
        services.AddYouTubeClient(configuration);
        services.AddTrendVaultStorage(configuration);
        // Database errors cross grain calls (a video grain's failed snapshot reaches the region grain on another
        // silo). Orleans serializes only exceptions of the Microsoft, System and Azure namespaces by default; an
        // NpgsqlException fails to serialize, its response is dropped and the caller waits for its timeout.
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        services.AddSingleton<FlagDownloader>();
        services.AddSingleton<ChartSightings>();
        services.AddOptions<SpoolOptions>()
            .Bind(configuration.GetSection("Spool"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Spool:Path must name a folder.")
            .Validate(o => o.MaxBytes > 0, "Spool:MaxBytes must be positive.")
            .Validate(o => o.ReplayPeriod > TimeSpan.Zero && o.MaxReplayDelay >= o.ReplayPeriod, "Spool:ReplayPeriod must be positive and not longer than Spool:MaxReplayDelay.")
            .ValidateOnStart();
        services.AddSingleton<ChartSpool>();
        services.AddSingleton<ChartRecorder>();
        services.AddSingleton<RegionCollector>();
        services.AddSingleton<CollectionMetrics>();
        services.AddSingleton<TrackerMetrics>();
        services.AddHostedService<HeldChartReplayer>();
        services.AddHostedService<SpoolReporter>();
        services.AddSingleton<StartupProgress>();
        services.AddHostedService<CollectionStartup>();
        return services;
    }
}
