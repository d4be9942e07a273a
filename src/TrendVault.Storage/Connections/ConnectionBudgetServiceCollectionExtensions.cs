using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrendVault.Storage.Connections;

public static class ConnectionBudgetServiceCollectionExtensions
{
    /// <summary>Binds and validates the "Database" section (pool sizes and the expected silo count).</summary>
    public static IServiceCollection AddConnectionBudget(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectionBudgetOptions>()
            .Bind(configuration.GetSection(ConnectionBudgetOptions.Section))
            .Validate(o => o.SiloPoolSize is >= ConnectionBudgetOptions.MinimumPoolSize and <= 1000,
                $"Database:SiloPoolSize must be between {ConnectionBudgetOptions.MinimumPoolSize} and 1000.")
            .Validate(o => o.GatewayPoolSize is >= ConnectionBudgetOptions.MinimumPoolSize and <= 1000,
                $"Database:GatewayPoolSize must be between {ConnectionBudgetOptions.MinimumPoolSize} and 1000.")
            .Validate(o => o.ExpectedSilos is >= 1 and <= 1000, "Database:ExpectedSilos must be between 1 and 1000.")
            .ValidateOnStart();
        return services;
    }
}
