-- Top gainers over long windows (issue 12). A gain is the last value in the window minus the first; both
-- were ordered probes of the snapshot tables per candidate (744 ms for 30 days of every region on the
-- realistic year: 10,734 candidates). Most candidates' whole life lies inside a long window, so their first
-- point overall is the first in the window, and their latest is the last. Each video's first and latest
-- points now sit beside its sighting (the latest views already did, sql/0015), kept by the same statement
-- trigger, so only videos older than the window are probed at its start.

ALTER TABLE video_sightings
    ADD COLUMN first_bucket timestamptz, ADD COLUMN first_views bigint, ADD COLUMN first_likes bigint, ADD COLUMN first_comments bigint,
    ADD COLUMN latest_likes bigint, ADD COLUMN latest_comments bigint;

UPDATE video_sightings g SET (first_bucket, first_views, first_likes, first_comments) = (
    SELECT f.bucket, p.views, p.likes, p.comments
    FROM video_first_point(g.video_id, '-infinity', 'infinity', 1::smallint) f
    CROSS JOIN LATERAL video_point(g.video_id, f.bucket) p);

UPDATE video_sightings g SET (latest_likes, latest_comments) = (SELECT l.likes, l.comments FROM video_latest(g.video_id) l)
WHERE g.latest_bucket IS NOT NULL;

CREATE OR REPLACE FUNCTION video_sightings_take_latest() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A snapshot stored late (a held chart written after the outage) never replaces a newer one...
    UPDATE video_sightings g SET latest_bucket = n.bucket, latest_views = n.views, latest_likes = n.likes, latest_comments = n.comments
    FROM (SELECT DISTINCT ON (video_id) video_id, bucket, views, likes, comments FROM new_snapshots ORDER BY video_id, bucket DESC) n
    WHERE g.video_id = n.video_id AND (g.latest_bucket IS NULL OR g.latest_bucket < n.bucket);
    -- ...but becomes the first point when it is earlier than every other.
    UPDATE video_sightings g SET first_bucket = n.bucket, first_views = n.views, first_likes = n.likes, first_comments = n.comments
    FROM (SELECT DISTINCT ON (video_id) video_id, bucket, views, likes, comments FROM new_snapshots ORDER BY video_id, bucket) n
    WHERE g.video_id = n.video_id AND (g.first_bucket IS NULL OR g.first_bucket > n.bucket);
    RETURN NULL;
END
$$;
