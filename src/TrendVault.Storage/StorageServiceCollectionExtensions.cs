using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TrendVault.Storage.Catalog;
using TrendVault.Storage.Compaction;
using TrendVault.Storage.Connections;
using TrendVault.Storage.Retention;
using TrendVault.Storage.Collection;
using TrendVault.Storage.Snapshots;
using TrendVault.Storage.Tracking;

namespace TrendVault.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the silo's data source (its share of Database:SiloPoolSize), the stores, the
    /// per-process snapshot writer and the start-up check of the connection budget.
    /// </summary>
    public static IServiceCollection AddTrendVaultStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = PostgresConnection.FromConfiguration(configuration);
        services.AddConnectionBudget(configuration);
        services.AddSingleton(sp => NpgsqlDataSource.Create(ConnectionBudget.WithPoolSize(connectionString,
            ConnectionBudget.DataSourcePoolSize(sp.GetRequiredService<IOptions<ConnectionBudgetOptions>>().Value.SiloPoolSize))));
        services.AddSingleton<ConnectionBudgetCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionBudgetCheck>());
        services.AddOptions<SnapshotWriterOptions>()
            .Bind(configuration.GetSection("Storage:SnapshotWriter"))
            .Validate(o => o.MaxBatchSize > 0 && o.MaxAttempts > 0 && o.Linger >= TimeSpan.Zero, "Storage:SnapshotWriter settings must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SnapshotWriterMetrics>();
        services.AddSingleton<SnapshotWriter>();
        services.AddSingleton<ISnapshotWriter>(sp => sp.GetRequiredService<SnapshotWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotWriter>());
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<CollectionRunStore>();
        services.AddSingleton<TrackingStore>();
        services.AddSingleton<CompactionMetrics>();
        services.AddSingleton<SnapshotCompactor>();
        services.AddSingleton<SnapshotRetention>();
        return services;
    }
}
