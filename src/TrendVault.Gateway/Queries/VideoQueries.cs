using System.Text;
using Npgsql;
using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Queries;

/// <summary>Reads of videos and their snapshot series.</summary>
public sealed class VideoQueries(NpgsqlDataSource dataSource, Microsoft.Extensions.Options.IOptions<GatewayApiOptions> options)
{
    // On a chart: seen on one in the latest collected bucket; tracked: within the tracking window
    // of that bucket. Anchored to the data, not the wall clock, like the other aggregates.
    private const string Status = """
        CASE WHEN v.gone_at IS NOT NULL THEN 'gone'
             WHEN g.last_seen_at >= (SELECT max(bucket) FROM collection_runs WHERE status = 'succeeded') THEN 'onChart'
             WHEN g.last_seen_at >= (SELECT max(bucket) FROM collection_runs WHERE status = 'succeeded') - make_interval(days => @days) THEN 'tracked'
             ELSE 'expired' END
        """;

    private const string LatestSnapshot = "LEFT JOIN LATERAL video_latest(v.id) latest ON true";

    /// <summary>The list counts matches up to this many; VideosApi.MaxDepth keeps numbered pages within it.</summary>
    public const int MaxCounted = 10_000;

    /// <summary>
    /// A search counts fewer: its matches are found by ILIKE, and counting 10,001 of a common word took
    /// 90 ms on a million videos, most of the answer.
    /// </summary>
    public const int MaxCountedSearch = 1_000;

    /// <summary>
    /// A search reads the videos of at most this many matching channel names by name: each is an index probe (~8 µs
    /// on a million videos), so 11,000 names cost 83 ms where the channel-name trigram scan took 8.
    /// </summary>
    public const int MaxChannelNames = 500;

    public async Task<VideoPage> ListAsync(VideoFilter filter, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE true");
        var parameters = new List<NpgsqlParameter>();
        if (filter.Region is not null)
        {
            parameters.Add(new NpgsqlParameter { Value = filter.Region });
            where.Append($" AND EXISTS (SELECT 1 FROM video_chart_regions c WHERE c.video_id = v.id AND c.region_code = ${parameters.Count})");
        }
        if (filter.Category is { } category)
        {
            parameters.Add(new NpgsqlParameter { Value = (short)category });
            where.Append($" AND v.category_id = ${parameters.Count}");
        }
        if (!string.IsNullOrEmpty(filter.Search))
        {
            var pattern = "%" + EscapeLike(filter.Search) + "%";
            parameters.Add(new NpgsqlParameter { Value = pattern });
            var text = parameters.Count;
            // Channels are searched by their distinct names (sql/0024), and their videos read by name; a text that
            // many names hold is matched on the videos' channel names, where a probe per name would cost more.
            if (await ChannelTitlesLikeAsync(pattern, cancellationToken) is { } names)
            {
                parameters.Add(new NpgsqlParameter { Value = names, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
                where.Append($" AND (v.title ILIKE ${text} OR v.channel_title = ANY(${parameters.Count}))");
            }
            else
            {
                where.Append($" AND (v.title ILIKE ${text} OR v.channel_title ILIKE ${text})");
            }
        }

        var search = !string.IsNullOrEmpty(filter.Search);
        var cap = search ? MaxCountedSearch : MaxCounted;
        // A region alone is counted on its chart summary rows: every charted video has its videos and
        // sightings rows (written with its first chart), and joining them made the planner merge the
        // region's 30,000 rows with the whole catalog's key (55 ms on a million videos, against 4).
        var matching = filter is { Region: not null, Category: null } && !search
            ? "SELECT c.video_id AS id FROM video_chart_regions c WHERE c.region_code = $1"
            : $"SELECT v.id FROM videos v JOIN video_sightings g ON g.video_id = v.id {where}";
        long counted;
        await using (var count = dataSource.CreateCommand($"SELECT count(*), {(search ? "array_agg(id)" : "NULL::integer[]")} FROM ({matching} LIMIT {cap + 1}) AS matches"))
        {
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await using var matches = await count.ExecuteReaderAsync(cancellationToken);
            await matches.ReadAsync(cancellationToken);
            counted = matches.GetInt64(0);
            // A search that found them all names its matches, so the page reads them by key instead of
            // matching the text again (the trigram scan of a rare term is most of the answer's time).
            if (search && counted <= cap)
            {
                where.Clear().Append("WHERE v.id = ANY($1)");
                parameters.Clear();
                parameters.Add(new NpgsqlParameter { Value = counted == 0 ? Array.Empty<int>() : matches.GetFieldValue<int[]>(1) });
            }
        }

        // One row more than the page tells whether a next page exists.
        var order = VideoOrder.For(filter.Sort);
        parameters.Add(new NpgsqlParameter { Value = filter.PageSize + 1 });
        var limit = parameters.Count;
        parameters.Add(new NpgsqlParameter { Value = options.Value.TrackingDays });
        var select = $"""
            SELECT v.id, v.youtube_id, v.title, v.channel_title, v.category_id, v.published_at, v.first_seen_at,
                   g.last_seen_at, g.latest_views, {StatusFor(parameters.Count)} AS status
            FROM videos v JOIN video_sightings g ON g.video_id = v.id
            {where}
            """;
        string rows;
        if (filter.After is { } after)
        {
            string? key = null;
            if (after.KeyValue is { } value)
            {
                parameters.Add(new NpgsqlParameter { Value = value });
                key = $"${parameters.Count}";
            }
            parameters.Add(new NpgsqlParameter { Value = after.VideoId });
            rows = order.RowsAfter(select, key, $"${parameters.Count}", $"${limit}");
        }
        else
        {
            parameters.Add(new NpgsqlParameter { Value = (filter.Page - 1) * filter.PageSize });
            rows = $"{select} ORDER BY {order.By} LIMIT ${limit} OFFSET ${parameters.Count}";
        }
        // The page is chosen first, so the latest counters are read for its rows only.
        await using var command = dataSource.CreateCommand($"""
            SELECT page.youtube_id, page.title, page.channel_title, page.category_id, page.published_at, page.first_seen_at,
                   page.last_seen_at, page.status, latest.views, latest.likes, latest.comments, page.latest_views
            FROM ({rows}) AS page
            LEFT JOIN LATERAL video_latest(page.id) latest ON true
            ORDER BY {order.By}
            """);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<VideoListItem>();
        long? lastSortedViews = null;
        while (items.Count < filter.PageSize && await reader.ReadAsync(cancellationToken))
        {
            items.Add(new VideoListItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.Nullable<short>(3),
                reader.Nullable<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetString(7), reader.Nullable<long>(8), reader.Nullable<long>(9), reader.Nullable<long>(10)));
            lastSortedViews = reader.Nullable<long>(11);
        }
        var next = await reader.ReadAsync(cancellationToken) ? VideoCursor.After(filter.Sort, items[^1], lastSortedViews).Encode() : null;
        return new VideoPage(filter.After is null ? filter.Page : null, filter.PageSize, Math.Min(counted, cap), counted > cap, items, next);
    }

    /// <summary>The channel names that hold the text, or null when more than <see cref="MaxChannelNames"/> do.</summary>
    private async Task<string[]?> ChannelTitlesLikeAsync(string pattern, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT channel_title FROM channel_titles WHERE channel_title ILIKE $1 LIMIT {MaxChannelNames + 1}");
        command.Parameters.Add(new NpgsqlParameter { Value = pattern });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names.Count > MaxChannelNames ? null : [.. names];
    }

    public async Task<VideoDetail?> FindAsync(string youTubeId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var video = new NpgsqlBatchCommand($"""
            SELECT v.youtube_id, v.title, v.description, v.channel_id, v.channel_title, v.category_id, v.tags, v.published_at,
                   v.duration_seconds, v.thumbnail_url, v.first_seen_at, g.last_seen_at,
                   latest.bucket, latest.views, latest.likes, latest.comments, {StatusFor(2)}, v.gone_at
            FROM videos v JOIN video_sightings g ON g.video_id = v.id
            {LatestSnapshot}
            WHERE v.youtube_id = $1
            """);
        video.Parameters.Add(new NpgsqlParameter { Value = youTubeId });
        video.Parameters.Add(new NpgsqlParameter { Value = options.Value.TrackingDays });
        var regions = new NpgsqlBatchCommand("""
            SELECT c.region_code, c.best_rank, c.last_bucket
            FROM video_chart_regions c JOIN videos v ON v.id = c.video_id
            WHERE v.youtube_id = $1
            ORDER BY c.best_rank, c.region_code
            """);
        regions.Parameters.Add(new NpgsqlParameter { Value = youTubeId });
        batch.BatchCommands.Add(video);
        batch.BatchCommands.Add(regions);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        SnapshotPoint? latest = reader.IsDBNull(12) ? null
            : new SnapshotPoint(reader.GetFieldValue<DateTimeOffset>(12), reader.GetInt64(13), reader.Nullable<long>(14), reader.Nullable<long>(15));
        var detail = new VideoDetail(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetString(3), reader.GetString(4),
            reader.Nullable<short>(5), reader.GetFieldValue<string[]>(6), reader.Nullable<DateTimeOffset>(7), reader.Nullable<int>(8),
            reader.NullableString(9), reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11),
            reader.GetString(16), reader.Nullable<DateTimeOffset>(17), latest, []);
        await reader.NextResultAsync(cancellationToken);
        var ranks = new List<VideoRegionRank>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ranks.Add(new VideoRegionRank(reader.GetString(0), reader.GetInt16(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return detail with { Regions = ranks };
    }

    /// <summary>The video's snapshots in time order; null when the video is unknown.</summary>
    public async Task<IReadOnlyList<SnapshotPoint>?> SnapshotsAsync(string youTubeId, DateTimeOffset? from, DateTimeOffset? to, SnapshotInterval interval, CancellationToken cancellationToken)
    {
        // Whole microseconds, as PostgreSQL compares them, so both tables are cut at the same instant.
        from = WholeMicroseconds(from);
        to = WholeMicroseconds(to);
        await using var batch = dataSource.CreateBatch();
        var exists = new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM videos WHERE youtube_id = $1)");
        exists.Parameters.Add(new NpgsqlParameter { Value = youTubeId });
        batch.BatchCommands.Add(exists);
        // The hot rows in range come in the same statement as the compacted days (arrays NULL), so a day
        // compacted meanwhile is seen once, either way, never in neither table.
        batch.BatchCommands.Add(Ranged(interval == SnapshotInterval.Day ? LastOfEachDay : $"""
            {WholeDays}
            UNION ALL
            SELECT s.bucket, NULL, s.views, NULL, s.likes, NULL, s.comments, NULL
            FROM video_snapshots s
            WHERE s.video_id = (SELECT id FROM videos WHERE youtube_id = $1)
              AND s.bucket BETWEEN coalesce($2::timestamptz, '-infinity') AND coalesce($3::timestamptz, 'infinity')
            """));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !reader.GetBoolean(0))
        {
            return null;
        }
        var points = new List<SnapshotPoint>();
        var days = new List<CompactedDay>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(3))
            {
                points.Add(new SnapshotPoint(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(2), reader.Nullable<long>(4), reader.Nullable<long>(6)));
                continue;
            }
            days.Add(new CompactedDay(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1),
                reader.GetInt64(2), reader.GetFieldValue<int?[]>(3),
                reader.Nullable<long>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<int?[]>(5),
                reader.Nullable<long>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<int?[]>(7)));
        }
        // Sized once: a year's 8,760 points then stay off the large object heap, where a list grown by doubling landed.
        var series = new List<SnapshotPoint>(points.Count + days.Sum(day => day.Slots));
        series.AddRange(points);
        foreach (var day in days)
        {
            series.AddRange(day.Points(from ?? DateTimeOffset.MinValue, to ?? DateTimeOffset.MaxValue));
        }
        // The statement's two parts come in no particular order.
        series.Sort((a, b) => a.CapturedAt.CompareTo(b.CapturedAt));
        return series;

        NpgsqlBatchCommand Ranged(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = youTubeId });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)from?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)to?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            return command;
        }
    }

    /// <summary>
    /// The hourly series reads the compacted days whole and unpacks them here (CompactedDay): a year is 365
    /// rows instead of 8,760 unnested in SQL.
    /// </summary>
    private const string WholeDays = """
        SELECT d.day, d.slot_seconds, d.views_base, d.views_off, d.likes_base, d.likes_off, d.comments_base, d.comments_off
        FROM video_snapshot_days d
        WHERE d.video_id = (SELECT id FROM videos WHERE youtube_id = $1)
          AND d.day BETWEEN date_trunc('day', coalesce($2::timestamptz, '-infinity'), 'UTC') AND coalesce($3::timestamptz, 'infinity')
        """;

    /// <summary>
    /// The daily series: each UTC day's last snapshot in range, hot or compacted (video_day_points, sql/0022), sent
    /// as points. Only that slot of a compacted day is sent: sending a year's 1,095 arrays was most of the answer's
    /// time (the server encodes each element).
    /// </summary>
    private const string LastOfEachDay = """
        SELECT p.bucket, NULL, p.views, NULL, p.likes, NULL, p.comments, NULL
        FROM videos v
        CROSS JOIN LATERAL video_day_points(v.id, coalesce($2::timestamptz, '-infinity'), coalesce($3::timestamptz, 'infinity')) p
        WHERE v.youtube_id = $1
        """;

    private static DateTimeOffset? WholeMicroseconds(DateTimeOffset? time) =>
        time is { } t ? new DateTimeOffset(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero) : null;

    private static string StatusFor(int daysParameter) => Status.Replace("@days", "$" + daysParameter, StringComparison.Ordinal);

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
