-- Top gainers of every region (issue 12). Their candidates were the video_chart_regions rows charted in the
-- window, made distinct and then joined to each video's sighting: ~10 ms to find 10,734 videos for 30 days
-- and ~35 ms to look up their sightings one by one on the realistic year. Each video's last chart bucket in
-- any region now sits beside its sighting, so the candidates are one index range over the sightings.
-- The snapshot writer moves it with last_seen_at (a chart snapshot is written before its chart), and the
-- importer with its sightings: the silo hosting a video's grain is the only collector writing its sighting,
-- so the charts' writers, which several regions run at once, take no lock on it.

ALTER TABLE video_sightings ADD COLUMN last_chart_bucket timestamptz;

UPDATE video_sightings g SET last_chart_bucket = r.last_bucket
FROM (SELECT video_id, max(last_bucket) AS last_bucket FROM video_chart_regions GROUP BY video_id) r
WHERE g.video_id = r.video_id;

CREATE INDEX video_sightings_last_chart_bucket ON video_sightings (last_chart_bucket);
