using Npgsql;

namespace TrendVault.Bench.Storage;

/// <summary>
/// What the product's chart writer upserts with each chart (a video's best rank and last bucket per region),
/// for the charts a loader copied in one go.
/// </summary>
public static class ChartRegions
{
    public static async Task UpsertAsync(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO video_chart_regions (video_id, region_code, best_rank, last_bucket)
            SELECT video_id, region_code, min(rank), max(bucket) FROM trending_entries
            WHERE bucket >= $1 AND bucket < $2
            GROUP BY video_id, region_code
            ON CONFLICT (video_id, region_code) DO UPDATE
            SET best_rank = least(video_chart_regions.best_rank, EXCLUDED.best_rank),
                last_bucket = greatest(video_chart_regions.last_bucket, EXCLUDED.last_bucket)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
