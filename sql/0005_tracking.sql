-- Tracking after the chart: videos keep getting hourly snapshots for Tracking:Days after they
-- were last seen on any chart, refreshed by sharded tracker grains through videos.list(id=…).

-- Set when videos.list stops returning the video (deleted or made private); such videos are no longer requested.
ALTER TABLE videos ADD COLUMN gone_at timestamptz;

-- The trackers' candidate scan: still-served videos by when they were last on a chart.
CREATE INDEX videos_tracking ON videos (last_seen_at) WHERE gone_at IS NULL;

-- One row per tracker shard and bucket: what the off-chart refresh did, or why it did not run.
CREATE TABLE refresh_runs (
    shard       smallint    NOT NULL,
    bucket      timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    attempts    integer     NOT NULL DEFAULT 1,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    videos      integer     NOT NULL DEFAULT 0,
    gone        integer     NOT NULL DEFAULT 0,
    api_calls   integer     NOT NULL DEFAULT 0,
    error       text,
    PRIMARY KEY (shard, bucket)
);

-- A chart fetch the quota governor refused is recorded as skipped, not attempted.
ALTER TABLE collection_runs DROP CONSTRAINT collection_runs_status_check;
ALTER TABLE collection_runs ADD CONSTRAINT collection_runs_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'no_chart', 'skipped'));
