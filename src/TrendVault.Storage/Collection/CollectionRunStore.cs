using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TrendVault.Model;

namespace TrendVault.Storage.Collection;

/// <summary>The collection_runs record of each (region, bucket), and the run's chart.</summary>
public sealed class CollectionRunStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Marks an attempt as running; a repeated attempt in the same bucket counts up. Returns false,
    /// touching nothing, when the bucket already succeeded (the grain's own record of it was lost) or holds
    /// an imported chart.
    /// </summary>
    public async Task<bool> StartAsync(string region, DateTimeOffset bucket, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO collection_runs (region_code, bucket, status, started_at)
            VALUES ($1, $2, 'running', $3)
            ON CONFLICT (region_code, bucket) DO UPDATE
            SET status = 'running', attempts = collection_runs.attempts + 1, started_at = EXCLUDED.started_at,
                finished_at = NULL, error = NULL
            WHERE collection_runs.status NOT IN ('succeeded', 'imported')
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
            WHERE region_code = $1 AND bucket = $2 AND status NOT IN ('succeeded', 'imported')
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
        // The chart is one row: video_ids[r] is the video at rank r, NULL where a skipped item left rank r empty.
        var chart = new NpgsqlBatchCommand("""
            INSERT INTO trending_charts (region_code, bucket, video_ids)
            SELECT $1, $2, array_agg(v.id ORDER BY r.rank)
            FROM generate_series(1, (SELECT max(rank) FROM unnest($3::smallint[]) AS rank)) AS r(rank)
            LEFT JOIN unnest($3::smallint[], $4::text[]) AS e(rank, youtube_id) ON e.rank = r.rank
            LEFT JOIN videos v ON v.youtube_id = e.youtube_id
            HAVING count(v.id) > 0
            ON CONFLICT (region_code, bucket) DO NOTHING
            """);
        AddChartParameters(chart, region, bucket, entries);
        var regions = new NpgsqlBatchCommand("""
            INSERT INTO video_chart_regions (video_id, region_code, best_rank, last_bucket)
            SELECT v.id, $1, min(e.rank), $2
            FROM unnest($3::smallint[], $4::text[]) AS e(rank, youtube_id)
            JOIN videos v ON v.youtube_id = e.youtube_id
            GROUP BY v.id
            ON CONFLICT (video_id, region_code) DO UPDATE
            SET best_rank = least(video_chart_regions.best_rank, EXCLUDED.best_rank),
                last_bucket = greatest(video_chart_regions.last_bucket, EXCLUDED.last_bucket)
            """);
        AddChartParameters(regions, region, bucket, entries);
        // An upsert: when the database was away as the attempt began, its run row was never written. A bucket
        // holding an imported chart keeps it and its run: the chart insert above did nothing.
        var update = new NpgsqlBatchCommand("""
            INSERT INTO collection_runs (region_code, bucket, status, started_at, finished_at, videos, api_calls, repaired, skipped, broken_reasons)
            VALUES ($1, $2, 'succeeded', $5, $5, $3, $4, $6, $7, $8)
            ON CONFLICT (region_code, bucket) DO UPDATE
            SET status = 'succeeded', error = NULL, videos = $3, api_calls = collection_runs.api_calls + $4, finished_at = $5,
                repaired = $6, skipped = $7, broken_reasons = $8
            WHERE collection_runs.status <> 'imported'
            """);
        update.Parameters.Add(new NpgsqlParameter { Value = region });
        update.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        update.Parameters.Add(new NpgsqlParameter { Value = entries.Count });
        update.Parameters.Add(new NpgsqlParameter { Value = apiCalls });
        update.Parameters.Add(new NpgsqlParameter { Value = finishedAt.UtcDateTime });
        update.Parameters.Add(new NpgsqlParameter { Value = broken.Repaired });
        update.Parameters.Add(new NpgsqlParameter { Value = broken.Skipped });
        update.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(broken.Reasons), NpgsqlDbType = NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(chart);
        batch.BatchCommands.Add(regions);
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddChartParameters(NpgsqlBatchCommand command, string region, DateTimeOffset bucket, IReadOnlyList<TrendingEntry> entries)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = region });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => (short)e.Rank).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.YouTubeId).ToArray() });
    }
}
