-- One statistics snapshot per video per hour bucket: the primary key is the idempotency key
-- that makes retries, duplicate ticks and failovers unable to double-count.
-- likes / comments are NULL when hidden or disabled, never 0.

CREATE TABLE video_snapshots (
    video_id integer     NOT NULL REFERENCES videos (id),
    bucket   timestamptz NOT NULL,
    views    bigint      NOT NULL,
    likes    bigint,
    comments bigint,
    PRIMARY KEY (video_id, bucket)
);

-- Snapshots arrive in bucket order, so a BRIN index serves time-range scans at a tiny size.
CREATE INDEX video_snapshots_bucket_brin ON video_snapshots USING brin (bucket);
