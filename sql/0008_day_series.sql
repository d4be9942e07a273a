-- The daily series (last snapshot of each UTC day) read from each compacted day's last filled slot,
-- instead of expanding all 24 slots of every day and discarding 23 of them.
CREATE FUNCTION video_day_points(p_video integer, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (bucket timestamptz, views bigint, likes bigint, comments bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT DISTINCT ON (date_trunc('day', p.bucket, 'UTC')) p.bucket, p.views, p.likes, p.comments
    FROM (
        SELECT s.bucket, s.views, s.likes, s.comments
        FROM video_snapshots s
        WHERE s.video_id = p_video AND s.bucket BETWEEN p_from AND p_to
        UNION ALL
        SELECT d.day + make_interval(secs => d.slot_seconds * (last.i - 1)),
               d.views_base + d.views_off[last.i], d.likes_base + d.likes_off[last.i], d.comments_base + d.comments_off[last.i]
        FROM video_snapshot_days d
        CROSS JOIN LATERAL (
            SELECT max(i) AS i FROM generate_subscripts(d.views_off, 1) AS i
            WHERE d.views_off[i] IS NOT NULL AND d.day + make_interval(secs => d.slot_seconds * (i - 1)) BETWEEN p_from AND p_to
        ) last
        WHERE d.video_id = p_video AND d.day BETWEEN date_trunc('day', p_from, 'UTC') AND p_to AND last.i IS NOT NULL
    ) p
    ORDER BY date_trunc('day', p.bucket, 'UTC'), p.bucket DESC
$$;
