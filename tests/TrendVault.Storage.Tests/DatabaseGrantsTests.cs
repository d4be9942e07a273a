using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrendVault.Storage.Migrations;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

/// <summary>
/// The roles compose gives the silos and the gateway, on a migrated database of the real server, granted as the
/// migrator and the importer grant them: by the names in DB_SILO_USER and DB_GATEWAY_USER.
/// </summary>
public sealed class DatabaseGrantsTests : IAsyncLifetime
{
    private const string PermissionDenied = "42501";
    private readonly string _siloRole = $"tv_silo_{Guid.NewGuid():N}";
    private readonly string _gatewayRole = $"tv_gateway_{Guid.NewGuid():N}";
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await _database.ScalarAsync<int>($"CREATE ROLE {_siloRole} LOGIN; CREATE ROLE {_gatewayRole} LOGIN; SELECT 1");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DB_SILO_USER"] = _siloRole, ["DB_GATEWAY_USER"] = _gatewayRole })
            .Build();
        await DatabaseMigrator.ApplyAndGrantAsync(_database.ConnectionString, configuration, NullLogger.Instance, CancellationToken.None);
    }

    [Theory]
    [InlineData("INSERT INTO regions (code, name, fetched_at) VALUES ('ZZ', 'Test', now())")]
    [InlineData("UPDATE videos SET gone_at = now() WHERE false")]
    [InlineData("DELETE FROM video_snapshots WHERE false")]
    [InlineData("SELECT count(*) FROM orleansmembershiptable")]
    [InlineData("DELETE FROM orleansstorage WHERE false")]
    [InlineData("SELECT count(*) FROM orleansremindersTable")]
    public async Task The_silo_role_reads_and_writes_rows(string sql)
    {
        await ExecuteAsAsync(_siloRole, sql);
    }

    [Theory]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("DROP TABLE video_snapshots")]
    [InlineData("ALTER TABLE videos ADD COLUMN intruder int")]
    [InlineData("DELETE FROM schemaversions")]
    public async Task The_silo_role_cannot_change_the_schema_or_the_migration_journal(string sql)
    {
        await AssertDeniedAsync(_siloRole, sql);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM video_snapshots")]
    [InlineData("SELECT count(*) FROM orleansmembershiptable")]
    [InlineData("SELECT count(*) FROM orleansquery")]
    public async Task The_gateway_role_reads(string sql)
    {
        await ExecuteAsAsync(_gatewayRole, sql);
    }

    [Theory]
    [InlineData("INSERT INTO regions (code, name, fetched_at) VALUES ('ZZ', 'Test', now())")]
    [InlineData("DELETE FROM video_snapshots WHERE false")]
    [InlineData("UPDATE orleansmembershiptable SET status = 0 WHERE false")]
    [InlineData("CREATE TABLE intruder (id int)")]
    public async Task The_gateway_role_writes_nothing(string sql)
    {
        await AssertDeniedAsync(_gatewayRole, sql);
    }

    public async Task DisposeAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable)!;
        await _database.DisposeAsync();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE {_siloRole}; DROP ROLE {_gatewayRole}", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task AssertDeniedAsync(string role, string sql)
    {
        var denied = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsAsync(role, sql));
        Assert.Equal(PermissionDenied, denied.SqlState);
    }

    private async Task ExecuteAsAsync(string role, string sql)
    {
        // The test server trusts loopback connections, so each role connects without a password.
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = role, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
