using Npgsql;
using NpgsqlTypes;
using TrendVault.Model;

namespace TrendVault.Storage.Catalog;

/// <summary>Reads and writes the regions and categories tables.</summary>
public sealed class CatalogStore(NpgsqlDataSource dataSource)
{
    public async Task<int> CountRegionsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM regions");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Whether the region list was ever fetched from the API; a region an import added does not count.</summary>
    public async Task<bool> IsFetchedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM regions WHERE fetched_at IS NOT NULL)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<int> CountCategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM categories");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<bool> RegionExistsAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM regions WHERE code = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<string>> ListRegionCodesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT code FROM regions ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    /// <summary>Regions whose flag has not been downloaded yet.</summary>
    public async Task<IReadOnlyList<string>> ListRegionsWithoutFlagAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT code FROM regions WHERE flag_path IS NULL ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }
        return codes;
    }

    public async Task UpsertRegionsAsync(IReadOnlyList<RegionInfo> regions, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO regions (code, name, fetched_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, fetched_at = EXCLUDED.fetched_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = regions.Select(r => r.Code).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = regions.Select(r => r.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = regions.Select(_ => fetchedAt.UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces a region's category list with the one just fetched.</summary>
    public async Task ReplaceCategoriesAsync(string region, IReadOnlyList<CategoryInfo> categories, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        var delete = new NpgsqlBatchCommand("DELETE FROM categories WHERE region_code = $1");
        delete.Parameters.Add(new NpgsqlParameter { Value = region });
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO categories (region_code, id, title, assignable)
            SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::boolean[])
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = region });
        insert.Parameters.Add(new NpgsqlParameter { Value = categories.Select(c => (short)c.Id).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = categories.Select(c => c.Title).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = categories.Select(c => c.Assignable).ToArray() });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(insert);
        // A batch without an explicit transaction runs as one implicit transaction.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetFlagPathAsync(string region, string flagPath, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE regions SET flag_path = $2 WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = region });
        command.Parameters.Add(new NpgsqlParameter { Value = flagPath });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
