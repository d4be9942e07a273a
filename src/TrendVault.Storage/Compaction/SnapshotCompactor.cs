using Microsoft.Extensions.Logging;
using Npgsql;

namespace TrendVault.Storage.Compaction;

/// <summary>
/// Moves closed UTC days of snapshots from the hot table into one row per video and day
/// (video_snapshot_days). Each day is one transaction; the readers (video_points, video_point,
/// video_latest) see the same values before and after.
/// </summary>
public sealed partial class SnapshotCompactor(NpgsqlDataSource dataSource, CompactionMetrics metrics, ILogger<SnapshotCompactor> logger)
{
    // '24 hours', not '1 day': timestamptz + '1 day' follows the session's time zone and would span
    // 25 hours on a daylight-saving day, deleting a bucket that the 24 slots never stored.
    private const string CompactDay = """
        WITH day_rows AS (
            SELECT video_id, (extract(epoch FROM bucket - $1)::integer / $2) + 1 AS i, views, likes, comments
            FROM video_snapshots
            WHERE bucket >= $1 AND bucket < $1 + interval '24 hours' AND extract(epoch FROM bucket - $1)::integer % $2 = 0
        ),
        bases AS (
            -- Offsets are int4: a video-day whose counters move by more than that stays in the hot table.
            SELECT video_id, min(views) AS vb, min(likes) AS lb, min(comments) AS cb
            FROM day_rows GROUP BY video_id
            HAVING max(views) - min(views) <= 2147483647
               AND coalesce(max(likes) - min(likes), 0) <= 2147483647
               AND coalesce(max(comments) - min(comments), 0) <= 2147483647
        ),
        grid AS (
            SELECT b.video_id, n.i, r.views - b.vb AS v, r.likes - b.lb AS l, r.comments - b.cb AS c
            FROM bases b
            CROSS JOIN generate_series(1, 86400 / $2) AS n(i)
            LEFT JOIN day_rows r ON r.video_id = b.video_id AND r.i = n.i
        ),
        inserted AS (
            INSERT INTO video_snapshot_days
                (video_id, day, slot_seconds, views_base, views_off, likes_base, likes_off, comments_base, comments_off)
            SELECT g.video_id, $1, $2,
                   b.vb, array_agg(g.v::integer ORDER BY g.i),
                   b.lb, CASE WHEN b.lb IS NULL THEN NULL ELSE array_agg(g.l::integer ORDER BY g.i) END,
                   b.cb, CASE WHEN b.cb IS NULL THEN NULL ELSE array_agg(g.c::integer ORDER BY g.i) END
            FROM grid g JOIN bases b ON b.video_id = g.video_id
            GROUP BY g.video_id, b.vb, b.lb, b.cb
            ON CONFLICT (video_id, day) DO NOTHING
            RETURNING video_id
        )
        DELETE FROM video_snapshots s
        USING inserted
        WHERE s.video_id = inserted.video_id AND s.bucket >= $1 AND s.bucket < $1 + interval '24 hours'
          AND extract(epoch FROM s.bucket - $1)::integer % $2 = 0
        """;

    // A chart held through an outage longer than the hot window is written after its day was compacted. The hot
    // table's ON CONFLICT cannot see the day rows, so a snapshot another region's chart stored for the same
    // (video, bucket) would be read twice: the compacted one stays, the late copy goes. A late snapshot of an
    // empty slot stays hot, where the readers find it beside the day row.
    private const string DropLateDuplicates = """
        DELETE FROM video_snapshots s
        USING video_snapshot_days d
        WHERE s.bucket >= $1 AND s.bucket < $1 + interval '24 hours'
          AND d.video_id = s.video_id AND d.day = $1
          AND d.views_off[(extract(epoch FROM s.bucket - $1)::integer / d.slot_seconds) + 1] IS NOT NULL
          AND extract(epoch FROM s.bucket - $1)::integer % d.slot_seconds = 0
        """;

    /// <summary>Compacts every UTC day that ended at or before <paramref name="cutoff"/>; returns the snapshots moved.</summary>
    public async Task<long> CompactAsync(DateTimeOffset cutoff, TimeSpan bucketSize, CancellationToken cancellationToken = default)
    {
        var slotSeconds = (int)bucketSize.TotalSeconds;
        if (bucketSize.Ticks % TimeSpan.TicksPerSecond != 0 || slotSeconds <= 0 || 86_400 % slotSeconds != 0)
        {
            // Days only hold whole slots; other bucket sizes stay in the hot table.
            LogUnsupportedBucket(bucketSize);
            return 0;
        }
        long moved = 0;
        foreach (var day in await ClosedDaysAsync(cutoff, cancellationToken))
        {
            await using var command = dataSource.CreateCommand(CompactDay);
            command.Parameters.Add(new NpgsqlParameter { Value = day.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = slotSeconds });
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            moved += rows;
            LogCompacted(day, rows);
            metrics.Compacted(rows);
            await using var duplicates = dataSource.CreateCommand(DropLateDuplicates);
            duplicates.Parameters.Add(new NpgsqlParameter { Value = day.UtcDateTime });
            if (await duplicates.ExecuteNonQueryAsync(cancellationToken) is > 0 and var dropped)
            {
                LogDuplicatesDropped(day, dropped);
            }
        }
        return moved;
    }

    private async Task<IReadOnlyList<DateTimeOffset>> ClosedDaysAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT date_trunc('day', bucket, 'UTC') FROM video_snapshots
            WHERE bucket < date_trunc('day', $1::timestamptz, 'UTC') ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }
        return days;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted {Day:yyyy-MM-dd}: {Snapshots} snapshots moved to day rows")]
    private partial void LogCompacted(DateTimeOffset day, long snapshots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacted {Day:yyyy-MM-dd} already held {Snapshots} snapshots written again late (a chart held through a long outage); the late copies were dropped")]
    private partial void LogDuplicatesDropped(DateTimeOffset day, int snapshots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bucket size {BucketSize} does not divide a day into whole seconds; snapshots are not compacted")]
    private partial void LogUnsupportedBucket(TimeSpan bucketSize);
}
