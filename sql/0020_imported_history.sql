-- History imported from the public trending datasets (issue 16). An imported day's chart is stored like a
-- collected one, and its run is marked 'imported': boards, gaps and top gainers treat it as data; what
-- reports collection (the region list's last collected bucket, the status page) still reads 'succeeded'.

ALTER TABLE collection_runs DROP CONSTRAINT collection_runs_status_check;
ALTER TABLE collection_runs ADD CONSTRAINT collection_runs_status_check
    CHECK (status IN ('running', 'succeeded', 'failed', 'no_chart', 'skipped', 'imported'));

-- Both predicates stay usable by readers of 'succeeded' alone, which imply them.
DROP INDEX collection_runs_succeeded;
CREATE INDEX collection_runs_succeeded ON collection_runs (bucket) WHERE status IN ('succeeded', 'imported');
DROP INDEX collection_runs_region_succeeded;
CREATE INDEX collection_runs_region_succeeded ON collection_runs (region_code, bucket) WHERE status IN ('succeeded', 'imported');

-- A region an import adds before the catalog was ever fetched has no fetch time: the catalog still loads in full.
ALTER TABLE regions ALTER COLUMN fetched_at DROP NOT NULL;
