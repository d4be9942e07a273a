using Microsoft.Extensions.Logging.Abstractions;
using TrendVault.Storage.Migrations;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Applying_migrations_again_applies_nothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var second = DatabaseMigrator.Apply(database.ConnectionString, NullLogger.Instance);

        Assert.Empty(second);
    }

    [Fact]
    public async Task A_new_database_gets_every_script_in_order()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(migrate: false);

        var applied = DatabaseMigrator.Apply(database.ConnectionString, NullLogger.Instance);

        Assert.Equal(applied.Order(StringComparer.Ordinal), applied);
        Assert.Contains(applied, name => name.EndsWith("0003_snapshots.sql", StringComparison.Ordinal));
        Assert.Contains(applied, name => name.EndsWith("0004_orleans_reminders.sql", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UpdateIAmAlivetimeKey")]
    [InlineData("InsertMembershipKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ReadFromStorageKey")]
    [InlineData("UpsertReminderRowKey")]
    [InlineData("ReadRangeRows1Key")]
    public async Task The_orleans_query_table_holds_the_providers_queries(string key)
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var count = await database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery WHERE QueryKey = $1", key);

        Assert.Equal(1L, count);
    }
}
