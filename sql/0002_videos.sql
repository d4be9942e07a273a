-- Videos ever seen on a chart. The compact integer key keeps snapshot rows small; the
-- 11-character YouTube id is the natural key everything outside the database uses.

CREATE TABLE videos (
    id                     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    youtube_id             text        NOT NULL UNIQUE CHECK (youtube_id ~ '^[A-Za-z0-9_-]{11}$'),
    title                  text        NOT NULL,
    description            text,
    channel_id             text        NOT NULL,
    channel_title          text        NOT NULL,
    category_id            smallint,
    tags                   text[]      NOT NULL DEFAULT '{}',
    published_at           timestamptz,
    duration_seconds       integer,
    thumbnail_url          text,
    default_audio_language text,
    first_seen_at          timestamptz NOT NULL,
    last_seen_at           timestamptz NOT NULL
);
