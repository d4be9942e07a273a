-- What a run's broken chart items cost (issue 11): videos stored with a defect repaired, items
-- skipped as unusable, and both by reason, e.g. {"invalidText": 1, "missingSnippet": 1}.

ALTER TABLE collection_runs
    ADD COLUMN repaired       integer NOT NULL DEFAULT 0,
    ADD COLUMN skipped        integer NOT NULL DEFAULT 0,
    ADD COLUMN broken_reasons jsonb   NOT NULL DEFAULT '{}';
