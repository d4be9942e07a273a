namespace TrendVault.Storage.Import;

/// <summary>
/// The statements of one file's import, reading the rows staged in <c>import_stage</c> and each video's
/// newest metadata in <c>import_videos</c>.
/// </summary>
internal static class ImportSql
{
    public const string CreateStage = """
        CREATE TEMP TABLE import_stage (line integer, youtube_id text, bucket timestamptz, views bigint, likes bigint, comments bigint) ON COMMIT DROP;
        CREATE TEMP TABLE import_videos (
            youtube_id text, title text, description text, channel_id text, channel_title text, category_id smallint, tags text[],
            published_at timestamptz, thumbnail_url text, metadata_hash bigint
        ) ON COMMIT DROP
        """;

    public const string CopyStage = "COPY import_stage FROM STDIN (FORMAT BINARY)";

    public const string CopyVideos = "COPY import_videos FROM STDIN (FORMAT BINARY)";

    public const string Duplicates = """
        SELECT line, youtube_id, bucket, first_line
        FROM (SELECT line, youtube_id, bucket, first_value(line) OVER (PARTITION BY youtube_id, bucket ORDER BY line) AS first_line
              FROM import_stage) d
        WHERE line <> first_line
        ORDER BY line
        """;

    // A video's newest row in the file describes it; a video already known keeps what is stored.
    public const string InsertVideos = """
        INSERT INTO videos (youtube_id, title, description, channel_id, channel_title, category_id, tags,
                            published_at, thumbnail_url, metadata_hash, first_seen_at)
        SELECT n.youtube_id, n.title, n.description, n.channel_id, n.channel_title, n.category_id, n.tags,
               n.published_at, n.thumbnail_url, n.metadata_hash, f.first_bucket
        FROM import_videos n
        JOIN (SELECT youtube_id, min(bucket) AS first_bucket FROM import_stage GROUP BY youtube_id) f ON f.youtube_id = n.youtube_id
        WHERE NOT EXISTS (SELECT 1 FROM videos v WHERE v.youtube_id = n.youtube_id)
        ON CONFLICT (youtube_id) DO NOTHING
        """;

    // Every video of the file with its id, resolved once: the statements below join this small table, never
    // the whole catalog.
    public const string ResolveIds = """
        CREATE TEMP TABLE import_ids ON COMMIT DROP AS
        SELECT v.id, v.youtube_id FROM import_videos n JOIN videos v ON v.youtube_id = n.youtube_id;
        ANALYZE import_ids
        """;

    // History older than what was collected moves a known video's first sighting back.
    public const string MoveFirstSeen = """
        UPDATE videos v SET first_seen_at = f.first_bucket
        FROM (SELECT i.id, min(s.bucket) AS first_bucket FROM import_stage s JOIN import_ids i ON i.youtube_id = s.youtube_id GROUP BY i.id) f
        WHERE v.id = f.id AND v.first_seen_at > f.first_bucket
        """;

    // A day on an imported chart is a chart sighting like a collected one: it starts the tracking window and is
    // the video's last chart bucket when it is the latest (sql/0023). A new video's sighting starts with its first
    // and latest points, which the snapshot trigger would otherwise set by updating each sighting twice; a known
    // video's are left to the trigger.
    public const string UpsertSightings = """
        INSERT INTO video_sightings (video_id, last_seen_at, last_chart_bucket, first_bucket, first_views, first_likes, first_comments,
                                     latest_bucket, latest_views, latest_likes, latest_comments)
        SELECT s.id, s.last_seen, s.last_seen, f.bucket, f.views, f.likes, f.comments, l.bucket, l.views, l.likes, l.comments
        FROM (SELECT i.id, max(st.bucket) AS last_seen FROM import_stage st JOIN import_ids i ON i.youtube_id = st.youtube_id GROUP BY i.id) s
        LEFT JOIN (SELECT DISTINCT ON (video_id) * FROM import_points WHERE NOT stored ORDER BY video_id, bucket) f ON f.video_id = s.id
        LEFT JOIN (SELECT DISTINCT ON (video_id) * FROM import_points WHERE NOT stored ORDER BY video_id, bucket DESC) l ON l.video_id = s.id
        ON CONFLICT (video_id) DO UPDATE
        SET last_seen_at = greatest(video_sightings.last_seen_at, EXCLUDED.last_seen_at),
            last_chart_bucket = greatest(video_sightings.last_chart_bucket, EXCLUDED.last_chart_bucket)
        WHERE video_sightings.last_seen_at < EXCLUDED.last_seen_at OR video_sightings.last_chart_bucket IS NULL
           OR video_sightings.last_chart_bucket < EXCLUDED.last_chart_bucket
        """;

    // A video's first row of a day is its point, unless the video has any snapshot that UTC day: a daily count
    // read at an unknown hour must not sit among collected hourly ones. Such rows are kept out, and counted
    // where the day's point at 00:00 (found by video_point, which also sees compacted days) differs.
    public const string StagePoints = """
        CREATE TEMP TABLE import_points ON COMMIT DROP AS
        SELECT DISTINCT ON (i.id, s.bucket) i.id AS video_id, s.bucket, s.views, s.likes, s.comments,
               p.views IS NOT NULL
                 OR EXISTS (SELECT 1 FROM video_snapshots h WHERE h.video_id = i.id AND h.bucket >= s.bucket AND h.bucket < s.bucket + interval '24 hours')
                 OR EXISTS (SELECT 1 FROM video_snapshot_days d WHERE d.video_id = i.id AND d.day = s.bucket) AS stored,
               (p.views, p.likes, p.comments) IS DISTINCT FROM (s.views, s.likes, s.comments) AS differs
        FROM import_stage s JOIN import_ids i ON i.youtube_id = s.youtube_id
        LEFT JOIN LATERAL (SELECT * FROM video_point(i.id, s.bucket) LIMIT 1) p ON true
        WHERE s.views IS NOT NULL
        ORDER BY i.id, s.bucket, s.line
        """;

    public const string CountDiffering = "SELECT count(*) FROM import_points WHERE stored AND differs";

    public const string InsertSnapshots = """
        INSERT INTO video_snapshots (video_id, bucket, views, likes, comments)
        SELECT video_id, bucket, views, likes, comments FROM import_points WHERE NOT stored
        -- In time order, as collection writes them: the bucket's BRIN index stays narrow.
        ORDER BY bucket, video_id
        ON CONFLICT (video_id, bucket) DO NOTHING
        """;

    // Each day's rows in file order are its chart, a video's first row on a day giving its rank. A day the region
    // has collected charts in keeps only those. A day imported before keeps its chart unless this file lists more
    // of it (a sample imported first, then the whole file): the longer chart replaces it, and its run counts the
    // longer chart's videos. A new chart gets the chart summary and an 'imported' run.
    public const string InsertCharts = """
        WITH days AS (
            SELECT s.bucket, array_agg(i.id ORDER BY s.line) AS video_ids
            FROM (SELECT DISTINCT ON (youtube_id, bucket) youtube_id, bucket, line FROM import_stage ORDER BY youtube_id, bucket, line) s
            JOIN import_ids i ON i.youtube_id = s.youtube_id
            GROUP BY s.bucket
        ),
        charts AS (
            INSERT INTO trending_charts (region_code, bucket, video_ids)
            SELECT $1, d.bucket, d.video_ids FROM days d
            WHERE NOT EXISTS (SELECT 1 FROM collection_runs r WHERE r.region_code = $1 AND r.status = 'succeeded'
                              AND r.bucket >= d.bucket AND r.bucket < d.bucket + interval '24 hours')
            ON CONFLICT (region_code, bucket) DO UPDATE SET video_ids = EXCLUDED.video_ids
            WHERE cardinality(trending_charts.video_ids) < cardinality(EXCLUDED.video_ids)
              -- Only an imported chart: one a collection committed while this statement ran has no imported run.
              AND EXISTS (SELECT 1 FROM collection_runs r WHERE r.region_code = $1 AND r.bucket = trending_charts.bucket AND r.status = 'imported')
            RETURNING bucket, video_ids, xmax = 0 AS inserted
        ),
        ranks AS (
            INSERT INTO video_chart_regions (video_id, region_code, best_rank, last_bucket)
            SELECT u.video_id, $1, min(u.rank)::smallint, max(c.bucket)
            FROM charts c CROSS JOIN LATERAL unnest(c.video_ids) WITH ORDINALITY AS u(video_id, rank)
            GROUP BY u.video_id
            ON CONFLICT (video_id, region_code) DO UPDATE
            SET best_rank = least(video_chart_regions.best_rank, EXCLUDED.best_rank),
                last_bucket = greatest(video_chart_regions.last_bucket, EXCLUDED.last_bucket)
        ),
        runs AS (
            INSERT INTO collection_runs (region_code, bucket, status, started_at, finished_at, videos)
            SELECT $1, bucket, 'imported', $2, $2, cardinality(video_ids) FROM charts
            ON CONFLICT (region_code, bucket) DO UPDATE
            SET status = 'imported', finished_at = EXCLUDED.finished_at, videos = EXCLUDED.videos, error = NULL
            WHERE collection_runs.status <> 'succeeded'
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM charts
        """;
}
