-- What each region's chart looked like per bucket, and the record of every collection run.

CREATE TABLE trending_entries (
    region_code char(2)     NOT NULL REFERENCES regions (code),
    bucket      timestamptz NOT NULL,
    rank        smallint    NOT NULL CHECK (rank > 0),
    video_id    integer     NOT NULL REFERENCES videos (id),
    PRIMARY KEY (region_code, bucket, rank),
    UNIQUE (region_code, bucket, video_id)
);

CREATE INDEX trending_entries_video ON trending_entries (video_id);

CREATE TABLE collection_runs (
    region_code char(2)     NOT NULL REFERENCES regions (code),
    bucket      timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'no_chart')),
    attempts    integer     NOT NULL DEFAULT 1,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    videos      integer     NOT NULL DEFAULT 0,
    -- API calls of every attempt in this bucket (each costs a quota unit, failed ones too).
    api_calls   integer     NOT NULL DEFAULT 0,
    error       text,
    PRIMARY KEY (region_code, bucket)
);

CREATE INDEX collection_runs_started ON collection_runs (started_at DESC);
