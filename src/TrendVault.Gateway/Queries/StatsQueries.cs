using Npgsql;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Queries;

/// <summary>Aggregates over the snapshot series.</summary>
public sealed class StatsQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Biggest gains over the window that ends at the region's latest collected bucket: for each video
    /// that trended there in the window, its last value minus its first value inside the window.
    /// Anchoring to the data rather than the wall clock keeps the answer stable between collections.
    /// </summary>
    public async Task<IReadOnlyList<TopGainer>> TopGainersAsync(string? region, GainMetric metric, TimeSpan window, int limit, CancellationToken cancellationToken)
    {
        var column = metric switch
        {
            GainMetric.Likes => "likes",
            GainMetric.Comments => "comments",
            _ => "views",
        };
        await using var command = dataSource.CreateCommand($"""
            WITH window_end AS (
                SELECT max(bucket) AS e FROM collection_runs
                WHERE status = 'succeeded' AND ($1::text IS NULL OR region_code = $1)
            ),
            candidates AS (
                SELECT DISTINCT u.video_id FROM trending_charts c CROSS JOIN window_end w, unnest(c.video_ids) AS u(video_id)
                WHERE ($1::text IS NULL OR c.region_code = $1) AND c.bucket BETWEEN w.e - $2 AND w.e AND u.video_id IS NOT NULL
            ),
            points AS (
                SELECT c.video_id, s.bucket, s.{column} AS value
                FROM candidates c CROSS JOIN window_end w
                CROSS JOIN LATERAL video_points(c.video_id, w.e - $2, w.e) s
                WHERE s.{column} IS NOT NULL
            ),
            first AS (SELECT DISTINCT ON (video_id) video_id, value FROM points ORDER BY video_id, bucket),
            last AS (SELECT DISTINCT ON (video_id) video_id, value FROM points ORDER BY video_id, bucket DESC)
            SELECT v.youtube_id, v.title, l.value - f.value, f.value, l.value
            FROM first f JOIN last l ON l.video_id = f.video_id JOIN videos v ON v.id = f.video_id
            ORDER BY l.value - f.value DESC, v.youtube_id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = window, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var gainers = new List<TopGainer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            gainers.Add(new TopGainer(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return gainers;
    }
}
