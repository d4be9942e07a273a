-- Run rows left 'running' by an attempt that never finished (its silo died, or the database went away
-- before the outcome could be written) are found by this index and marked failed by each silo's sweep.
CREATE INDEX collection_runs_running ON collection_runs (started_at) WHERE status = 'running';
