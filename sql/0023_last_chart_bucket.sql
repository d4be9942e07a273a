-- Top gainers of every region (issue 12). Their candidates were the video_chart_regions rows charted in the
-- window, made distinct and then joined to each video's sighting: ~10 ms to find 10,734 videos for 30 days
-- and ~35 ms to look up their sightings one by one on the realistic year. Each video's last chart bucket in
-- any region now sits beside its sighting, so the candidates are one index range over the sightings.
-- Statement triggers keep it, as sql/0015 keeps the latest snapshot: the collector and the importer write a
-- video's sighting before its chart rows.

ALTER TABLE video_sightings ADD COLUMN last_chart_bucket timestamptz;

UPDATE video_sightings g SET last_chart_bucket = r.last_bucket
FROM (SELECT video_id, max(last_bucket) AS last_bucket FROM video_chart_regions GROUP BY video_id) r
WHERE g.video_id = r.video_id;

CREATE INDEX video_sightings_last_chart_bucket ON video_sightings (last_chart_bucket);

CREATE FUNCTION video_sightings_take_last_chart() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Two regions' charts of one bucket share their global hits: lock those sightings in one order, so
    -- concurrent charts wait for each other instead of deadlocking.
    PERFORM 1 FROM video_sightings WHERE video_id IN (SELECT video_id FROM charted) ORDER BY video_id FOR NO KEY UPDATE;
    UPDATE video_sightings g SET last_chart_bucket = c.last_bucket
    FROM (SELECT video_id, max(last_bucket) AS last_bucket FROM charted GROUP BY video_id) c
    WHERE g.video_id = c.video_id AND (g.last_chart_bucket IS NULL OR g.last_chart_bucket < c.last_bucket);
    RETURN NULL;
END
$$;

-- A trigger with a transition table fires for one event only: an upsert fires both.
CREATE TRIGGER video_chart_regions_last_chart_inserted AFTER INSERT ON video_chart_regions
    REFERENCING NEW TABLE AS charted FOR EACH STATEMENT EXECUTE FUNCTION video_sightings_take_last_chart();
CREATE TRIGGER video_chart_regions_last_chart_updated AFTER UPDATE ON video_chart_regions
    REFERENCING NEW TABLE AS charted FOR EACH STATEMENT EXECUTE FUNCTION video_sightings_take_last_chart();
