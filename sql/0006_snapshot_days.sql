-- Compacted snapshots: once a UTC day is closed (and older than two days), its snapshots move from
-- video_snapshots (one ~95-byte row plus index entry each) into one row per video and day here.
-- Values are stored as a base (the day's minimum) plus int4 offsets, one array slot per bucket of
-- the day, so a snapshot costs about 16 bytes and any slot is read directly: base + off[slot].
-- A NULL views slot means "no snapshot in that bucket"; NULL likes/comments slots mean hidden.

CREATE TABLE video_snapshot_days (
    video_id      integer     NOT NULL REFERENCES videos (id),
    day           timestamptz NOT NULL CHECK (day = date_trunc('day', day, 'UTC')),
    slot_seconds  integer     NOT NULL CHECK (slot_seconds > 0 AND 86400 % slot_seconds = 0),
    views_base    bigint      NOT NULL,
    views_off     integer[]   NOT NULL,
    likes_base    bigint,
    likes_off     integer[],
    comments_base bigint,
    comments_off  integer[],
    PRIMARY KEY (video_id, day)
);

-- Every snapshot of a video between two times, hot and compacted alike. Inlined by the planner,
-- so the range reaches both tables' indexes.
CREATE FUNCTION video_points(p_video integer, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (bucket timestamptz, views bigint, likes bigint, comments bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT s.bucket, s.views, s.likes, s.comments
    FROM video_snapshots s
    WHERE s.video_id = p_video AND s.bucket BETWEEN p_from AND p_to
    UNION ALL
    SELECT d.day + make_interval(secs => d.slot_seconds * (i - 1)),
           d.views_base + d.views_off[i], d.likes_base + d.likes_off[i], d.comments_base + d.comments_off[i]
    FROM video_snapshot_days d
    CROSS JOIN LATERAL generate_subscripts(d.views_off, 1) AS i
    WHERE d.video_id = p_video AND d.day BETWEEN date_trunc('day', p_from, 'UTC') AND p_to
      AND d.views_off[i] IS NOT NULL
      AND d.day + make_interval(secs => d.slot_seconds * (i - 1)) BETWEEN p_from AND p_to
$$;

-- One video's snapshot in one bucket, wherever it is stored (NULL row values when there is none).
CREATE FUNCTION video_point(p_video integer, p_bucket timestamptz)
RETURNS TABLE (views bigint, likes bigint, comments bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT s.views, s.likes, s.comments
    FROM video_snapshots s
    WHERE s.video_id = p_video AND s.bucket = p_bucket
    UNION ALL
    SELECT d.views_base + d.views_off[i], d.likes_base + d.likes_off[i], d.comments_base + d.comments_off[i]
    FROM video_snapshot_days d
    CROSS JOIN LATERAL (SELECT (extract(epoch FROM p_bucket - d.day)::integer / d.slot_seconds) + 1 AS i) slot
    WHERE d.video_id = p_video AND d.day = date_trunc('day', p_bucket, 'UTC') AND d.views_off[i] IS NOT NULL
      AND d.day + make_interval(secs => d.slot_seconds * (i - 1)) = p_bucket
$$;

-- A video's most recent snapshot: the hot table when it has one, otherwise the last filled slot of
-- its latest compacted day.
CREATE FUNCTION video_latest(p_video integer)
RETURNS TABLE (bucket timestamptz, views bigint, likes bigint, comments bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT * FROM (
        (SELECT s.bucket, s.views, s.likes, s.comments
         FROM video_snapshots s WHERE s.video_id = p_video ORDER BY s.bucket DESC LIMIT 1)
        UNION ALL
        (SELECT d.day + make_interval(secs => d.slot_seconds * (last.i - 1)),
                d.views_base + d.views_off[last.i], d.likes_base + d.likes_off[last.i], d.comments_base + d.comments_off[last.i]
         FROM video_snapshot_days d
         CROSS JOIN LATERAL (SELECT max(i) AS i FROM generate_subscripts(d.views_off, 1) AS i WHERE d.views_off[i] IS NOT NULL) last
         WHERE d.video_id = p_video
         ORDER BY d.day DESC LIMIT 1)
    ) candidates
    ORDER BY bucket DESC LIMIT 1
$$;
