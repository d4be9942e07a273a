-- Chart ranks at a year's scale (issue 12). One row per entry cost 216 B with its three indexes: 4.2 GB
-- of the realistic year's 5.0 GB. A chart is now one row whose array holds the video at each rank
-- (about 0.9 kB for 200 ranks), and what was read per video from the entries' video index (best rank
-- and last bucket per region) is kept in a small per-video summary the writer upserts with the chart.

CREATE TABLE trending_charts (
    region_code text        NOT NULL REFERENCES regions (code),
    bucket      timestamptz NOT NULL,
    -- video_ids[r] is the video at rank r; NULL where a skipped broken item left its rank empty.
    video_ids   integer[]   NOT NULL,
    PRIMARY KEY (region_code, bucket)
);

-- Every region's charts in time order: exports and aggregates without a region, retention, the oldest chart.
CREATE UNIQUE INDEX trending_charts_bucket ON trending_charts (bucket, region_code);

CREATE TABLE video_chart_regions (
    video_id    integer     NOT NULL REFERENCES videos (id),
    region_code text        NOT NULL,
    best_rank   smallint    NOT NULL,
    last_bucket timestamptz NOT NULL,
    PRIMARY KEY (video_id, region_code)
);

CREATE INDEX video_chart_regions_region ON video_chart_regions (region_code, video_id);

INSERT INTO trending_charts (region_code, bucket, video_ids)
SELECT c.region_code, c.bucket,
       ARRAY (SELECT e.video_id FROM generate_series(1, c.top) AS r(rank)
              LEFT JOIN trending_entries e ON e.region_code = c.region_code AND e.bucket = c.bucket AND e.rank = r.rank
              ORDER BY r.rank)
FROM (SELECT region_code, bucket, max(rank) AS top FROM trending_entries GROUP BY region_code, bucket) AS c;

INSERT INTO video_chart_regions (video_id, region_code, best_rank, last_bucket)
SELECT video_id, region_code, min(rank), max(bucket) FROM trending_entries GROUP BY video_id, region_code;

DROP TABLE trending_entries;

-- The entries as they were, for readers that want one row per rank: filters on region_code and bucket
-- reach trending_charts' indexes through the view.
CREATE VIEW trending_entries AS
SELECT c.region_code, c.bucket, u.rank::smallint AS rank, u.video_id
FROM trending_charts c
CROSS JOIN LATERAL unnest(c.video_ids) WITH ORDINALITY AS u(video_id, rank)
WHERE u.video_id IS NOT NULL;

-- The region list and status: each region's latest succeeded bucket in one probe (the partial index on
-- bucket alone was read backwards to the end for every region without runs: 1.6 s for 109 regions).
CREATE INDEX collection_runs_region_succeeded ON collection_runs (region_code, bucket) WHERE status = 'succeeded';

-- The trackers' candidates, the status counts and the video list's default order read the recent
-- sightings only. Costs the sightings' heap-only updates (last_seen_at is now indexed).
CREATE INDEX video_sightings_last_seen ON video_sightings (last_seen_at);
CREATE INDEX videos_gone ON videos (id) WHERE gone_at IS NOT NULL;

-- The video list's other orders.
CREATE INDEX videos_first_seen ON videos (first_seen_at);
CREATE INDEX videos_published ON videos (published_at DESC NULLS LAST);
CREATE INDEX videos_title ON videos (title);

-- The video list's text search (ILIKE '%…%') on titles and channels.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX videos_title_trgm ON videos USING gin (title gin_trgm_ops);
CREATE INDEX videos_channel_title_trgm ON videos USING gin (channel_title gin_trgm_ops);
