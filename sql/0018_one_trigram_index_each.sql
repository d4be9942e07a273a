-- 0014 and 0016 each created a trigram index on videos.title and videos.channel_title, so every
-- search index existed twice: twice the space (86 MiB of the pair at 1,000,000 videos) and twice the
-- GIN work on every new video, for no faster read. 0014's pair stays.
DROP INDEX IF EXISTS videos_title_trigrams;
DROP INDEX IF EXISTS videos_channel_title_trigrams;
