using Microsoft.Extensions.Options;
using Npgsql;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Queries;

/// <summary>Aggregates over the snapshot series.</summary>
public sealed class StatsQueries(NpgsqlDataSource dataSource, IOptions<GatewayApiOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Biggest gains over the window that ends at the region's latest collected bucket: for each video
    /// that trended there in the window, its last value minus its first value inside the window.
    /// Anchoring to the data rather than the wall clock keeps the answer stable between collections.
    /// </summary>
    public async Task<IReadOnlyList<TopGainer>> TopGainersAsync(string? region, GainMetric metric, TimeSpan window, int limit, CancellationToken cancellationToken)
    {
        if (await WindowEndAsync(region, cancellationToken) is not { } end)
        {
            return [];
        }
        // Candidates are the videos charted in the window (their last chart bucket falls in it): for every region the
        // last bucket kept beside each sighting (sql/0023), one index range; for one region its chart summary rows,
        // whose sightings are looked up per row (LIMIT 1 keeps the planner from hashing all 1,000,000 of them). A
        // sighting also keeps the video's first and latest points (sql/0019_first_points.sql): they are the window's
        // when its first point is inside the window (and still kept) and its latest not after the window's end. An
        // older video's first point is nearly always its point at the window's first bucket, read by key from the
        // hot table or from that day's compacted slot; the rest are ordered probes (sql/0017_top_gainers.sql). That
        // read is video_point (sql/0006) split in two, so a hot snapshot spares the compacted probe: calling
        // video_point gave the same answers 10-20% slower for 30 days of every region on the realistic year.
        // OFFSET 0 keeps each end's subquery from being inlined into the WHERE, ORDER BY and output, which ran its
        // probes once per reference. Retention deletes the chart rows last charted before its cutoff and clears the
        // sightings' last chart bucket with them (SnapshotRetention), so both paths see the same videos.
        await using var command = dataSource.CreateCommand("""
            WITH kept AS (
                SELECT g.video_id, g.first_bucket, g.latest_bucket,
                       CASE $4 WHEN 1 THEN g.first_views WHEN 2 THEN g.first_likes ELSE g.first_comments END AS value,
                       CASE $4 WHEN 1 THEN g.latest_views WHEN 2 THEN g.latest_likes ELSE g.latest_comments END AS latest
                FROM video_sightings g
                WHERE $1::text IS NULL AND g.last_chart_bucket >= $2
                UNION ALL
                SELECT r.video_id, s.first_bucket, s.latest_bucket, s.value, s.latest
                FROM video_chart_regions r
                LEFT JOIN LATERAL (
                    SELECT g.first_bucket, g.latest_bucket,
                           CASE $4 WHEN 1 THEN g.first_views WHEN 2 THEN g.first_likes ELSE g.first_comments END AS value,
                           CASE $4 WHEN 1 THEN g.latest_views WHEN 2 THEN g.latest_likes ELSE g.latest_comments END AS latest
                    FROM video_sightings g WHERE g.video_id = r.video_id
                    LIMIT 1) s ON true
                WHERE r.region_code = $1 AND r.last_bucket >= $2
            ),
            top AS (
                SELECT kept.video_id, f.value AS first, l.value AS last
                FROM kept
                CROSS JOIN LATERAL (SELECT CASE WHEN kept.first_bucket BETWEEN greatest($2, $6) AND $3 AND kept.value IS NOT NULL THEN kept.value
                                                ELSE coalesce(
                                                    (SELECT CASE $4 WHEN 1 THEN s.views WHEN 2 THEN s.likes ELSE s.comments END
                                                     FROM video_snapshots s WHERE s.video_id = kept.video_id AND s.bucket = $2),
                                                    (SELECT CASE $4 WHEN 1 THEN d.views_base + d.views_off[x.slot] WHEN 2 THEN d.likes_base + d.likes_off[x.slot]
                                                                    ELSE d.comments_base + d.comments_off[x.slot] END
                                                     FROM video_snapshot_days d
                                                     CROSS JOIN LATERAL (SELECT extract(epoch FROM $2 - d.day)::integer AS seconds) e
                                                     CROSS JOIN LATERAL (SELECT e.seconds / d.slot_seconds + 1 AS slot) x
                                                     WHERE d.video_id = kept.video_id AND d.day = date_trunc('day', $2, 'UTC') AND e.seconds % d.slot_seconds = 0
                                                       AND d.views_off[x.slot] IS NOT NULL),
                                                    (SELECT p.value FROM video_first_point(kept.video_id, $2, $3, $4) p)) END AS value
                                    OFFSET 0) f
                CROSS JOIN LATERAL (SELECT CASE WHEN kept.latest_bucket BETWEEN $2 AND $3 AND kept.latest IS NOT NULL THEN kept.latest
                                                ELSE (SELECT p.value FROM video_last_point(kept.video_id, $2, $3, $4) p) END AS value
                                    OFFSET 0) l
                WHERE f.value IS NOT NULL AND l.value IS NOT NULL
                ORDER BY l.value - f.value DESC
                FETCH FIRST $5 ROWS WITH TIES
            )
            SELECT v.youtube_id, v.title, t.last - t.first, t.first, t.last
            FROM top t JOIN videos v ON v.id = t.video_id
            ORDER BY t.last - t.first DESC, v.youtube_id
            LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (end - window).UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = end.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = metric switch { GainMetric.Likes => (short)2, GainMetric.Comments => (short)3, _ => (short)1 } });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        // A kept first point older than the retention cutoff may have been deleted since: probe instead.
        var kept = options.Value.RetentionDays is { } days ? clock.GetUtcNow() - TimeSpan.FromDays(days) : DateTimeOffset.MinValue;
        command.Parameters.Add(new NpgsqlParameter { Value = kept.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var gainers = new List<TopGainer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            gainers.Add(new TopGainer(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return gainers;
    }

    /// <summary>
    /// The latest collected (or imported) bucket, read first so the main statement gets it as a value: the planner then reads
    /// the candidates from the last-bucket index instead of scanning every video's chart summary.
    /// </summary>
    private async Task<DateTimeOffset?> WindowEndAsync(string? region, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT max(bucket) FROM collection_runs WHERE status IN ('succeeded', 'imported') AND ($1::text IS NULL OR region_code = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime bucket ? new DateTimeOffset(bucket, TimeSpan.Zero) : null;
    }
}
