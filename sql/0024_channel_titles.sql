-- The list's search by channel name (issue 12). Every video's channel name is in the trigram index of
-- sql/0016, so a name built of common trigrams ("Channel 12345": "cha", "han", "nel" are in every synthetic
-- channel's name) read posting lists of all 1,000,000 videos: ~40 ms for 25 matches. Channels are far
-- fewer than videos; their distinct names, kept here by statement triggers, are searched first and the
-- videos then read by name. A name never leaves this table, so its matches are a superset of the names
-- videos carry, and the list joins back to videos: the answers are those of the ILIKE on videos.

CREATE TABLE channel_titles (channel_title text PRIMARY KEY);

INSERT INTO channel_titles SELECT DISTINCT channel_title FROM videos;

CREATE INDEX channel_titles_trigrams ON channel_titles USING gin (channel_title gin_trgm_ops);
CREATE INDEX videos_channel_title ON videos (channel_title);

CREATE FUNCTION channel_titles_take_new() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- In name order, so two writers adding the same new names wait for each other instead of deadlocking.
    INSERT INTO channel_titles SELECT DISTINCT channel_title FROM changed ORDER BY 1 ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- A trigger with a transition table fires for one event only and takes no column list.
CREATE TRIGGER videos_channel_title_inserted AFTER INSERT ON videos
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION channel_titles_take_new();
CREATE TRIGGER videos_channel_title_updated AFTER UPDATE ON videos
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION channel_titles_take_new();
