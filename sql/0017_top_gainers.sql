-- Top gainers over long windows (issue 12). The gain of a video is its last value minus its first value
-- inside the window; reading every hourly point of every candidate to find those two cost 7.4 s for 30
-- days of every region on the realistic year (10,700 candidates). Each end is now one ordered probe
-- per table: the first compacted day with a point in the window (its slots unnested only for that day)
-- or the first hot snapshot, and likewise from the other end. p_metric: 1 views, 2 likes, 3 comments;
-- a point whose metric is hidden (NULL) is passed over, as before.
CREATE FUNCTION video_first_point(p_video integer, p_from timestamptz, p_to timestamptz, p_metric smallint)
RETURNS TABLE (bucket timestamptz, value bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT p.bucket, p.value FROM (
        (SELECT x.bucket, x.value
         FROM video_snapshot_days d
         CROSS JOIN LATERAL (
             SELECT d.day + make_interval(secs => d.slot_seconds * (u.i - 1)) AS bucket,
                    CASE p_metric WHEN 1 THEN d.views_base + u.v WHEN 2 THEN d.likes_base + u.l ELSE d.comments_base + u.c END AS value
             FROM unnest(d.views_off, d.likes_off, d.comments_off) WITH ORDINALITY AS u(v, l, c, i)
             WHERE u.v IS NOT NULL AND CASE p_metric WHEN 1 THEN u.v WHEN 2 THEN u.l ELSE u.c END IS NOT NULL
               AND d.day + make_interval(secs => d.slot_seconds * (u.i - 1)) BETWEEN p_from AND p_to
             ORDER BY u.i
             LIMIT 1) x
         WHERE d.video_id = p_video AND d.day BETWEEN date_trunc('day', p_from, 'UTC') AND p_to
         ORDER BY d.day
         LIMIT 1)
        UNION ALL
        (SELECT s.bucket, CASE p_metric WHEN 1 THEN s.views WHEN 2 THEN s.likes ELSE s.comments END
         FROM video_snapshots s
         WHERE s.video_id = p_video AND s.bucket BETWEEN p_from AND p_to
           AND CASE p_metric WHEN 1 THEN s.views WHEN 2 THEN s.likes ELSE s.comments END IS NOT NULL
         ORDER BY s.bucket
         LIMIT 1)
    ) p
    ORDER BY p.bucket
    LIMIT 1
$$;
CREATE FUNCTION video_last_point(p_video integer, p_from timestamptz, p_to timestamptz, p_metric smallint)
RETURNS TABLE (bucket timestamptz, value bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT p.bucket, p.value FROM (
        (SELECT s.bucket, CASE p_metric WHEN 1 THEN s.views WHEN 2 THEN s.likes ELSE s.comments END AS value
         FROM video_snapshots s
         WHERE s.video_id = p_video AND s.bucket BETWEEN p_from AND p_to
           AND CASE p_metric WHEN 1 THEN s.views WHEN 2 THEN s.likes ELSE s.comments END IS NOT NULL
         ORDER BY s.bucket DESC
         LIMIT 1)
        UNION ALL
        (SELECT x.bucket, x.value
         FROM video_snapshot_days d
         CROSS JOIN LATERAL (
             SELECT d.day + make_interval(secs => d.slot_seconds * (u.i - 1)) AS bucket,
                    CASE p_metric WHEN 1 THEN d.views_base + u.v WHEN 2 THEN d.likes_base + u.l ELSE d.comments_base + u.c END AS value
             FROM unnest(d.views_off, d.likes_off, d.comments_off) WITH ORDINALITY AS u(v, l, c, i)
             WHERE u.v IS NOT NULL AND CASE p_metric WHEN 1 THEN u.v WHEN 2 THEN u.l ELSE u.c END IS NOT NULL
               AND d.day + make_interval(secs => d.slot_seconds * (u.i - 1)) BETWEEN p_from AND p_to
             ORDER BY u.i DESC
             LIMIT 1) x
         WHERE d.video_id = p_video AND d.day BETWEEN date_trunc('day', p_from, 'UTC') AND p_to
         ORDER BY d.day DESC
         LIMIT 1)
    ) p
    ORDER BY p.bucket DESC
    LIMIT 1
$$;

-- The candidates: videos charted in the window, i.e. whose last chart bucket (per region) falls in it.
CREATE INDEX video_chart_regions_last_bucket ON video_chart_regions (last_bucket);
CREATE INDEX video_chart_regions_region_last_bucket ON video_chart_regions (region_code, last_bucket);
