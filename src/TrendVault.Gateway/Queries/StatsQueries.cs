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
        // Candidates are the videos charted in the window (their last chart bucket falls in it); each one's
        // first and last value in the window are single probes (sql/0017_top_gainers.sql). Only the top rows
        // (ties kept: they are ordered by id at the end) look up their video; joining every candidate let the
        // planner, which cannot see the window's bound, hash all of videos (0.5 s of a 24-hour list).
        await using var command = dataSource.CreateCommand("""
            WITH window_end AS (
                SELECT max(bucket) AS e FROM collection_runs
                WHERE status = 'succeeded' AND ($1::text IS NULL OR region_code = $1)
            ),
            candidates AS (
                SELECT DISTINCT r.video_id FROM video_chart_regions r CROSS JOIN window_end w
                WHERE ($1::text IS NULL OR r.region_code = $1) AND r.last_bucket >= w.e - $2
            ),
            top AS (
                SELECT c.video_id, f.value AS first, l.value AS last
                FROM candidates c CROSS JOIN window_end w
                CROSS JOIN LATERAL video_first_point(c.video_id, w.e - $2, w.e, $4) f
                CROSS JOIN LATERAL video_last_point(c.video_id, w.e - $2, w.e, $4) l
                ORDER BY l.value - f.value DESC
                FETCH FIRST $3 ROWS WITH TIES
            )
            SELECT v.youtube_id, v.title, t.last - t.first, t.first, t.last
            FROM top t JOIN videos v ON v.id = t.video_id
            ORDER BY t.last - t.first DESC, v.youtube_id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = window, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = metric switch { GainMetric.Likes => (short)2, GainMetric.Comments => (short)3, _ => (short)1 } });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var gainers = new List<TopGainer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            gainers.Add(new TopGainer(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return gainers;
    }
}
