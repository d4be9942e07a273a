using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TrendVault.Model;

namespace TrendVault.Storage.Collection;

/// <summary>The collection_runs record of each (region, bucket), and the run's trending entries.</summary>
public sealed class CollectionRunStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Marks an attempt as running; a repeated attempt in the same bucket counts up. Returns false,
    /// touching nothing, when the bucket already succeeded (the grain's own record of it was lost).
    /// </summary>
    public async Task<bool> StartAsync(string region, DateTimeOffset bucket, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO collection_runs (region_code, bucket, status, started_at)
            VALUES ($1, $2, 'running', $3)
            ON CONFLICT (region_code, bucket) DO UPDATE
            SET status = 'running', attempts = collection_runs.attempts + 1, started_at = EXCLUDED.started_at,
                finished_at = NULL, error = NULL
            WHERE collection_runs.status <> 'succeeded'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = region });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = startedAt.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Ends an attempt without data: status 'failed' or 'no_chart'.</summary>
    public async Task FinishWithoutDataAsync(string region, DateTimeOffset bucket, string status, string? error, int apiCalls, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE collection_runs
            SET status = $3, error = $4, api_calls = api_calls + $5, finished_at = $6
            WHERE region_code = $1 AND bucket = $2 AND status <> 'succeeded'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = region });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = apiCalls });
        command.Parameters.Add(new NpgsqlParameter { Value = finishedAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Marks runs still 'running' that started before <paramref name="startedBefore"/> as failed: their attempt
    /// can no longer be in progress. A held chart replayed later still turns its run into 'succeeded'.
    /// </summary>
    public async Task<int> AbandonStaleAsync(DateTimeOffset startedBefore, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE collection_runs
            SET status = 'failed', finished_at = $2, error = 'abandoned: the attempt never finished (its silo stopped or the database was unreachable)'
            WHERE status = 'running' AND started_at < $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = startedBefore.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = finishedAt.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Stores the chart's ranks and marks the run succeeded in one transaction. Called only after
    /// every video's snapshot committed, so a succeeded run always has its data. <paramref name="broken"/>
    /// records what the chart's broken items cost.
    /// </summary>
    public async Task CompleteAsync(
        string region, DateTimeOffset bucket, IReadOnlyList<TrendingEntry> entries, int apiCalls, BrokenItems broken, DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default)
    {
        // One round trip: the statements of a batch run in one implicit transaction.
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO trending_entries (region_code, bucket, rank, video_id)
            SELECT $1, $2, e.rank, v.id
            FROM unnest($3::smallint[], $4::text[]) AS e(rank, youtube_id)
            JOIN videos v ON v.youtube_id = e.youtube_id
            ON CONFLICT DO NOTHING
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = region });
        insert.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => (short)e.Rank).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.YouTubeId).ToArray() });
        // An upsert: when the database was away as the attempt began, its run row was never written.
        var update = new NpgsqlBatchCommand("""
            INSERT INTO collection_runs (region_code, bucket, status, started_at, finished_at, videos, api_calls, repaired, skipped, broken_reasons)
            VALUES ($1, $2, 'succeeded', $5, $5, $3, $4, $6, $7, $8)
            ON CONFLICT (region_code, bucket) DO UPDATE
            SET status = 'succeeded', error = NULL, videos = $3, api_calls = collection_runs.api_calls + $4, finished_at = $5,
                repaired = $6, skipped = $7, broken_reasons = $8
            """);
        update.Parameters.Add(new NpgsqlParameter { Value = region });
        update.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        update.Parameters.Add(new NpgsqlParameter { Value = entries.Count });
        update.Parameters.Add(new NpgsqlParameter { Value = apiCalls });
        update.Parameters.Add(new NpgsqlParameter { Value = finishedAt.UtcDateTime });
        update.Parameters.Add(new NpgsqlParameter { Value = broken.Repaired });
        update.Parameters.Add(new NpgsqlParameter { Value = broken.Skipped });
        update.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(broken.Reasons), NpgsqlDbType = NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
