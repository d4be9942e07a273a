using Npgsql;

namespace TrendVault.Bench.Storage;

/// <summary>
/// What the product's chart writer upserts with each chart (a video's best rank and last bucket per region),
/// for the charts a loader copied in one go, and each video's last chart bucket beside its sighting, which the
/// product's snapshot writer moves (sql/0023) and the loaders' COPY of snapshots does not.
/// </summary>
public static class ChartRegions
{
    public static async Task UpsertAsync(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = new NpgsqlCommand("""
            WITH charted AS (
                INSERT INTO video_chart_regions (video_id, region_code, best_rank, last_bucket)
                SELECT video_id, region_code, min(rank), max(bucket) FROM trending_entries
                WHERE bucket >= $1 AND bucket < $2
                GROUP BY video_id, region_code
                ON CONFLICT (video_id, region_code) DO UPDATE
                SET best_rank = least(video_chart_regions.best_rank, EXCLUDED.best_rank),
                    last_bucket = greatest(video_chart_regions.last_bucket, EXCLUDED.last_bucket)
                RETURNING video_id, last_bucket
            )
            UPDATE video_sightings g SET last_chart_bucket = c.last_bucket
            FROM (SELECT video_id, max(last_bucket) AS last_bucket FROM charted GROUP BY video_id) c
            WHERE g.video_id = c.video_id AND (g.last_chart_bucket IS NULL OR g.last_chart_bucket < c.last_bucket)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
