using Npgsql;
using NpgsqlTypes;

namespace TrendVault.Storage.Tracking;

/// <summary>Candidates for off-chart refresh, gone videos and the refresh_runs record.</summary>
public sealed class TrackingStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The shard's videos last on a chart since <paramref name="trackedSince"/>, not gone, and without a
    /// snapshot in <paramref name="bucket"/> (a chart collection already took those), most recently sighted first.
    /// </summary>
    public async Task<IReadOnlyList<RefreshCandidate>> ListRefreshCandidatesAsync(int shard, int shards, DateTimeOffset bucket, DateTimeOffset trackedSince, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.id, v.youtube_id, g.last_seen_at FROM video_sightings g JOIN videos v ON v.id = g.video_id
            WHERE v.gone_at IS NULL AND g.last_seen_at >= $3 AND g.video_id % $2 = $1
              AND NOT EXISTS (SELECT 1 FROM video_snapshots s WHERE s.video_id = v.id AND s.bucket = $4)
            ORDER BY g.last_seen_at DESC, v.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = shard });
        command.Parameters.Add(new NpgsqlParameter { Value = shards });
        command.Parameters.Add(new NpgsqlParameter { Value = trackedSince.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var candidates = new List<RefreshCandidate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new RefreshCandidate(reader.GetInt32(0), reader.GetString(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero)));
        }
        return candidates;
    }

    /// <summary>Chart fetches planned per bucket: the regions that collected in the last day, times pages.</summary>
    public async Task<int> CountRecentlyCollectedRegionsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(DISTINCT region_code) FROM collection_runs WHERE bucket >= $1 AND status <> 'imported'");
        command.Parameters.Add(new NpgsqlParameter { Value = since.UtcDateTime });
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task MarkGoneAsync(IReadOnlyCollection<string> youTubeIds, DateTimeOffset goneAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("UPDATE videos SET gone_at = $2 WHERE youtube_id = ANY($1) AND gone_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = youTubeIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = goneAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StartRunAsync(int shard, DateTimeOffset bucket, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO refresh_runs (shard, bucket, status, started_at) VALUES ($1, $2, 'running', $3)
            ON CONFLICT (shard, bucket) DO UPDATE
            SET status = 'running', attempts = refresh_runs.attempts + 1, started_at = EXCLUDED.started_at, finished_at = NULL, error = NULL
            WHERE refresh_runs.status <> 'succeeded'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (short)shard });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = startedAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Marks refresh runs still 'running' that started before <paramref name="startedBefore"/> as failed: the
    /// attempt ended without recording it (its silo stopped, or the database was away when it finished).
    /// </summary>
    public async Task<int> AbandonStaleRunsAsync(DateTimeOffset startedBefore, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE refresh_runs
            SET status = 'failed', finished_at = $2, error = 'abandoned: the attempt never finished (its silo stopped or the database was unreachable)'
            WHERE status = 'running' AND started_at < $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = startedBefore.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = finishedAt.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishRunAsync(int shard, DateTimeOffset bucket, string status, int videos, int gone, int apiCalls, string? error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE refresh_runs
            SET status = $3, videos = videos + $4, gone = gone + $5, api_calls = api_calls + $6, error = $7, finished_at = $8
            WHERE shard = $1 AND bucket = $2 AND status <> 'succeeded'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (short)shard });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = videos });
        command.Parameters.Add(new NpgsqlParameter { Value = gone });
        command.Parameters.Add(new NpgsqlParameter { Value = apiCalls });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = finishedAt.UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
