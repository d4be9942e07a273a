namespace TrendVault.Storage.Snapshots;

/// <summary>
/// The statements of one snapshot batch. Known, unchanged videos take the copy path: look up their ids,
/// move last_seen_at, COPY the snapshot rows. New or changed videos, and any batch the copy path
/// refuses, take the merge path: stage by COPY, then upsert metadata and insert snapshots.
/// </summary>
internal static class SnapshotSql
{
    public const string LookupVideos = """
        SELECT u.ord, v.id, v.metadata_hash IS NOT DISTINCT FROM u.metadata_hash
        FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS u(youtube_id, metadata_hash, ord)
        JOIN videos v ON v.youtube_id = u.youtube_id
        """;

    // Only a chart sighting moves last_seen_at (it starts the tracking window) and the last chart bucket (the
    // candidates of top gainers, sql/0023). The silo hosting a video's grain is the only writer of its sighting.
    public const string TouchLastSeen = """
        UPDATE video_sightings g
        SET last_seen_at = greatest(g.last_seen_at, u.seen_at), last_chart_bucket = greatest(g.last_chart_bucket, u.bucket)
        FROM unnest($1::integer[], $2::timestamptz[], $3::timestamptz[]) AS u(id, seen_at, bucket)
        WHERE g.video_id = u.id AND (g.last_seen_at < u.seen_at OR g.last_chart_bucket IS NULL OR g.last_chart_bucket < u.bucket)
        """;

    public const string CopySnapshots = "COPY video_snapshots (video_id, bucket, views, likes, comments) FROM STDIN (FORMAT BINARY)";

    public const string CreateStage = """
        CREATE TEMP TABLE snapshot_stage (
            youtube_id text, title text, description text, channel_id text, channel_title text,
            category_id smallint, tags text[], published_at timestamptz, duration_seconds integer,
            thumbnail_url text, default_audio_language text, metadata_hash bigint, seen_at timestamptz,
            bucket timestamptz, views bigint, likes bigint, comments bigint, on_chart boolean
        ) ON COMMIT DROP
        """;

    public const string CopyStage = "COPY snapshot_stage FROM STDIN (FORMAT BINARY)";

    // New videos are inserted only when absent, so an existing id never burns an identity value;
    // existing ones take the newest metadata unless a chart saw them after this observation, and
    // only a chart sighting moves last_seen_at. Snapshot conflicts mean "already stored": skip. A video
    // observed without a view count (no statistics, or one beyond a bigint) is stored without a snapshot.
    public const string Merge = """
        CREATE TEMP TABLE latest_stage ON COMMIT DROP AS
            SELECT DISTINCT ON (youtube_id) *, max(seen_at) FILTER (WHERE on_chart) OVER (PARTITION BY youtube_id) AS charted_at,
                   max(bucket) FILTER (WHERE on_chart) OVER (PARTITION BY youtube_id) AS charted_bucket
            FROM snapshot_stage ORDER BY youtube_id, seen_at DESC;

        INSERT INTO videos (youtube_id, title, description, channel_id, channel_title, category_id, tags,
                            published_at, duration_seconds, thumbnail_url, default_audio_language, metadata_hash,
                            first_seen_at)
        SELECT s.youtube_id, s.title, s.description, s.channel_id, s.channel_title, s.category_id, s.tags,
               s.published_at, s.duration_seconds, s.thumbnail_url, s.default_audio_language, s.metadata_hash,
               s.seen_at
        FROM latest_stage s
        WHERE NOT EXISTS (SELECT 1 FROM videos v WHERE v.youtube_id = s.youtube_id)
        ON CONFLICT (youtube_id) DO NOTHING;

        INSERT INTO video_sightings (video_id, last_seen_at)
        SELECT v.id, s.seen_at FROM latest_stage s JOIN videos v ON v.youtube_id = s.youtube_id
        ON CONFLICT (video_id) DO NOTHING;

        UPDATE videos v
        SET title = s.title, description = s.description, channel_id = s.channel_id,
            channel_title = s.channel_title, category_id = s.category_id, tags = s.tags,
            published_at = s.published_at, duration_seconds = s.duration_seconds,
            thumbnail_url = s.thumbnail_url, default_audio_language = s.default_audio_language,
            metadata_hash = s.metadata_hash
        FROM latest_stage s, video_sightings g
        WHERE v.youtube_id = s.youtube_id AND g.video_id = v.id
          AND v.metadata_hash IS DISTINCT FROM s.metadata_hash AND g.last_seen_at <= s.seen_at;

        UPDATE video_sightings g
        SET last_seen_at = greatest(g.last_seen_at, s.charted_at), last_chart_bucket = greatest(g.last_chart_bucket, s.charted_bucket)
        FROM latest_stage s JOIN videos v ON v.youtube_id = s.youtube_id
        WHERE g.video_id = v.id
          AND (g.last_seen_at < s.charted_at OR (g.last_chart_bucket IS NULL AND s.charted_bucket IS NOT NULL) OR g.last_chart_bucket < s.charted_bucket);

        INSERT INTO video_snapshots (video_id, bucket, views, likes, comments)
        SELECT v.id, s.bucket, s.views, s.likes, s.comments
        FROM snapshot_stage s JOIN videos v ON v.youtube_id = s.youtube_id
        WHERE s.views IS NOT NULL
        ON CONFLICT (video_id, bucket) DO NOTHING;
        """;
}
