-- The video list sorted by views (issue 12): ordering by video_latest() evaluated it for every video in the
-- catalog (8.7 s for 1,000,000). Each video's latest snapshot bucket and views now sit beside its last
-- sighting, kept by a statement trigger on video_snapshots, so COPY and the merge path alike keep them.

ALTER TABLE video_sightings ADD COLUMN latest_bucket timestamptz, ADD COLUMN latest_views bigint;

UPDATE video_sightings g SET (latest_bucket, latest_views) = (SELECT l.bucket, l.views FROM video_latest(g.video_id) l);

CREATE FUNCTION video_sightings_take_latest() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A snapshot stored late (a held chart written after the outage) never replaces a newer one.
    UPDATE video_sightings g SET latest_bucket = n.bucket, latest_views = n.views
    FROM (SELECT DISTINCT ON (video_id) video_id, bucket, views FROM new_snapshots ORDER BY video_id, bucket DESC) n
    WHERE g.video_id = n.video_id AND (g.latest_bucket IS NULL OR g.latest_bucket < n.bucket);
    RETURN NULL;
END
$$;

CREATE TRIGGER video_snapshots_latest AFTER INSERT ON video_snapshots
REFERENCING NEW TABLE AS new_snapshots
FOR EACH STATEMENT EXECUTE FUNCTION video_sightings_take_latest();

CREATE INDEX video_sightings_latest_views ON video_sightings (latest_views DESC NULLS LAST);
