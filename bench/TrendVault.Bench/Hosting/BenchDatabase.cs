using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrendVault.Storage.Migrations;

namespace TrendVault.Bench.Hosting;

/// <summary>A database of its own on the benchmark's server, migrated with the product's migrator and dropped afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly bool _keep;

    private BenchDatabase(string serverConnectionString, string name, bool keep)
    {
        _serverConnectionString = serverConnectionString;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = name,
            // Bulk loads and compaction of a whole day take longer than Npgsql's default 30 s on a busy machine.
            CommandTimeout = 0,
        }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, string purpose, bool keep)
    {
        var name = $"tvbench_{purpose}_{Guid.NewGuid():N}"[..32];
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new BenchDatabase(serverConnectionString, name, keep);
        DatabaseMigrator.Apply(database.ConnectionString, NullLogger.Instance);
        return database;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_keep)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
