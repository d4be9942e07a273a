-- The list's q search (issue 12): an ILIKE '%term%' on titles and channel names read every video of
-- the catalog when the term was rare (a channel's name among 1,000,000 videos). Trigram indexes serve
-- ILIKE with leading wildcards; pg_trgm is a trusted extension, so the schema owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX videos_title_trigrams ON videos USING gin (title gin_trgm_ops);
CREATE INDEX videos_channel_title_trigrams ON videos USING gin (channel_title gin_trgm_ops);
