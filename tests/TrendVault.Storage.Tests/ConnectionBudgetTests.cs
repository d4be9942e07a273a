using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TrendVault.Storage.Connections;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

public sealed class ConnectionBudgetTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(101)]
    public void A_process_budget_is_split_between_its_two_pools_without_exceeding_it(int budget)
    {
        var orleans = ConnectionBudget.OrleansPoolSize(budget);
        var dataSource = ConnectionBudget.DataSourcePoolSize(budget);

        Assert.Equal(budget, orleans + dataSource);
        Assert.True(orleans >= 2 && dataSource >= 2, $"{budget} was split into {orleans} + {dataSource}");
    }

    [Fact]
    public void The_rule_counts_every_silo_the_gateway_and_the_migrator()
    {
        var options = new ConnectionBudgetOptions { ExpectedSilos = 3, SiloPoolSize = 20, GatewayPoolSize = 10 };

        Assert.Equal(3 * 20 + 10 + ConnectionBudget.MigratorPoolSize, ConnectionBudget.Required(options));
    }

    [Fact]
    public void Ten_silos_fit_a_default_server_only_with_smaller_pools()
    {
        // PostgreSQL's defaults: max_connections 100, superuser_reserved_connections 3.
        var defaults = ConnectionBudget.Evaluate(new ConnectionBudgetOptions { ExpectedSilos = 10 }, 100, 3);
        var smaller = ConnectionBudget.Evaluate(new ConnectionBudgetOptions { ExpectedSilos = 10, SiloPoolSize = 8 }, 100, 3);

        Assert.False(defaults.Fits);
        Assert.True(smaller.Fits, $"{smaller.Required} needed, {smaller.Available} available");
    }

    [Fact]
    public async Task The_check_reads_the_limits_of_the_real_server()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(migrate: false);
        var maxConnections = await database.ScalarAsync<int>("SELECT current_setting('max_connections')::int");

        var report = await Check(database, new ConnectionBudgetOptions { ExpectedSilos = 2 });

        Assert.Equal(maxConnections, report.MaxConnections);
        Assert.Equal(3, report.Reserved);
        Assert.Equal(2 * 20 + 10 + ConnectionBudget.MigratorPoolSize, report.Required);
        Assert.True(report.Fits);
    }

    [Fact]
    public async Task A_cluster_larger_than_the_server_holds_is_reported()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(migrate: false);
        var maxConnections = await database.ScalarAsync<int>("SELECT current_setting('max_connections')::int");
        var silos = maxConnections / 20 + 1;

        var report = await Check(database, new ConnectionBudgetOptions { ExpectedSilos = silos });

        Assert.False(report.Fits, $"{report.Required} needed, {report.Available} available");
    }

    [Fact]
    public async Task The_silo_data_source_never_opens_more_than_its_share_of_the_budget()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(migrate: false);
        var timeoutSeconds = 2;
        await using var services = Services(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = timeoutSeconds }.ConnectionString,
            ("Database:SiloPoolSize", "4"));
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        var exhausted = await Assert.ThrowsAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());

        Assert.Equal(2, ConnectionBudget.DataSourcePoolSize(4));
        Assert.Contains("Max Pool Size' (currently 2)", exhausted.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database:SiloPoolSize", "3")]
    [InlineData("Database:GatewayPoolSize", "0")]
    [InlineData("Database:ExpectedSilos", "0")]
    public async Task A_budget_out_of_range_is_refused_naming_the_setting(string key, string value)
    {
        // Resolving the options validates them; no connection is opened.
        await using var services = Services("Host=127.0.0.1", (key, value));

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectionBudgetOptions>>().Value);

        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    private static async Task<ConnectionBudgetReport> Check(PostgresTestDatabase database, ConnectionBudgetOptions options) =>
        await new ConnectionBudgetCheck(database.DataSource, Options.Create(options), NullLogger<ConnectionBudgetCheck>.Instance)
            .CheckAsync(CancellationToken.None);

    private static ServiceProvider Services(string connectionString, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddTrendVaultStorage(configuration).BuildServiceProvider();
    }
}
