using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using TrendVault.Bench.Hosting;
using TrendVault.Storage.Compaction;

namespace TrendVault.Bench.Storage;

/// <summary>
/// Loads a <see cref="RealisticYear"/> the way <see cref="YearLoader"/> loads the synthetic one: day by
/// day, binary COPY of each hour's snapshots (the videos on a chart or tracked that hour), charts and
/// runs, then the product's <see cref="SnapshotCompactor"/> with the clock at the end of the day and the
/// two-day hot window. Then, apart, the catalog-scale videos: metadata, a sighting and one compacted day.
/// </summary>
public sealed class RealisticYearLoader(BenchDatabase database, RealisticYear year, TextWriter log)
{
    private static readonly TimeSpan HotWindow = TimeSpan.FromDays(2);
    private static readonly TimeSpan BucketSize = TimeSpan.FromHours(1);
    private static readonly string[] Words =
        ["music", "official", "video", "live", "trailer", "highlights", "reaction", "lofi", "challenge", "remix",
         "gaming", "news", "vlog", "recipe", "tutorial", "shorts", "podcast", "cover", "dance", "comedy"];

    /// <summary>A word of about one title in seven: what the search benchmark looks for.</summary>
    public const string SearchWord = "remix";

    /// <summary>One channel's name: 25 videos of the 1,000,000 (channels are numbered modulo 40,000).</summary>
    public const string RareSearch = "Channel 12345";

    // What the product's triggers keep (sql/0015, sql/0019, sql/0024); the loaders' COPY runs without triggers.
    private const string KeepWhatTriggersKeep = """
        UPDATE video_sightings g SET (latest_bucket, latest_views, latest_likes, latest_comments) =
            (SELECT l.bucket, l.views, l.likes, l.comments FROM video_latest(g.video_id) l)
        WHERE g.latest_bucket IS NULL;
        UPDATE video_sightings g SET (first_bucket, first_views, first_likes, first_comments) = (
            SELECT f.bucket, p.views, p.likes, p.comments
            FROM video_first_point(g.video_id, '-infinity', 'infinity', 1::smallint) f
            CROSS JOIN LATERAL video_point(g.video_id, f.bucket) p)
        WHERE g.first_bucket IS NULL;
        INSERT INTO channel_titles SELECT DISTINCT channel_title FROM videos ON CONFLICT DO NOTHING;
        """;

    public async Task<TimeSpan> LoadAsync()
    {
        var watch = Stopwatch.StartNew();
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var compactor = new SnapshotCompactor(database.DataSource, new CompactionMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<SnapshotCompactor>.Instance);
        // Consistent by construction: no per-row foreign-key triggers, as pg_restore does (as YearLoader).
        await using var loader = ReplicaDataSource();
        var ids = await InsertVideosAsync(loader, year.Videos, RealisticYear.YouTubeId,
            v => year.Start.AddHours(year.FirstHour(v)), v => year.Start.AddHours(year.LastChartHour(v)));
        var compacting = Task.CompletedTask;
        var active = new List<int>();
        var next = 0;
        var slots = year.Regions.Select(_ => new int[RealisticYear.ChartLength]).ToArray();
        var arrived = new int[year.Regions.Count];
        for (var firstHour = 0; firstHour < year.Hours;)
        {
            var first = year.Start.AddHours(firstHour).UtcDateTime;
            var endHour = Math.Min(year.Hours, firstHour + 24 - first.Hour);
            await using (var connection = await loader.OpenConnectionAsync())
            {
                await using (var snapshots = await connection.BeginBinaryImportAsync("COPY video_snapshots (video_id, bucket, views, likes, comments) FROM STDIN (FORMAT BINARY)"))
                {
                    for (var hour = firstHour; hour < endHour; hour++)
                    {
                        while (next < year.Videos && year.FirstHour(next) == hour)
                        {
                            active.Add(next++);
                        }
                        active.RemoveAll(v => year.LastTrackedHour(v) < hour);
                        WriteSnapshots(snapshots, active, hour, ids);
                    }
                    await snapshots.CompleteAsync();
                }
                await CopyChartsAsync(connection, firstHour, endHour, slots, arrived, ids);
            }

            await compacting;
            var dayEnd = new DateTimeOffset(first.Date.AddDays(1), TimeSpan.Zero);
            var now = dayEnd < year.LastBucket ? dayEnd : year.LastBucket.Add(BucketSize);
            compacting = Task.Run(async () =>
            {
                await compactor.CompactAsync(now - HotWindow, BucketSize);
                await database.ExecuteAsync("VACUUM (ANALYZE) video_snapshots");
            });
            firstHour = endHour;
            if (first.Day == 1)
            {
                log.WriteLine($"  loaded through {first:yyyy-MM-dd}: {next:N0} videos so far, {watch.Elapsed.TotalSeconds:F0} s");
            }
        }
        await compacting;
        await database.ExecuteAsync(KeepWhatTriggersKeep);
        await database.ExecuteAsync("VACUUM ANALYZE");
        return watch.Elapsed;
    }

    /// <summary>
    /// Videos of the other regions' charts, so the catalog holds <paramref name="catalogVideos"/>: metadata,
    /// a last sighting spread over the year (before its last three days) and that day's hourly series, compacted.
    /// </summary>
    public async Task<TimeSpan> LoadCatalogAsync(int catalogVideos)
    {
        var watch = Stopwatch.StartNew();
        var count = catalogVideos - year.Videos;
        if (count <= 0)
        {
            return watch.Elapsed;
        }
        var random = new Random(1_000_000);
        var lastSeen = Enumerable.Range(0, count).Select(_ => random.Next(Math.Max(1, year.Hours - 72))).ToArray();
        await using var loader = ReplicaDataSource();
        var ids = await InsertVideosAsync(loader, count, CatalogId,
            v => year.Start.AddHours(lastSeen[v] - v % 240), v => year.Start.AddHours(lastSeen[v]));
        await using var connection = await loader.OpenConnectionAsync();
        await using (var days = await connection.BeginBinaryImportAsync(
            "COPY video_snapshot_days (video_id, day, slot_seconds, views_base, views_off, likes_base, likes_off, comments_base, comments_off) FROM STDIN (FORMAT BINARY)"))
        {
            var views = new int[24];
            for (var v = 0; v < count; v++)
            {
                var perHour = 50 + v % 5_000;
                for (var slot = 0; slot < views.Length; slot++)
                {
                    views[slot] = slot * perHour + slot * slot % 7;
                }
                days.StartRow();
                days.Write(ids[v], NpgsqlDbType.Integer);
                days.Write(year.Start.AddHours(lastSeen[v]).UtcDateTime.Date, NpgsqlDbType.TimestampTz);
                days.Write(3600, NpgsqlDbType.Integer);
                days.Write(10_000L + v, NpgsqlDbType.Bigint);
                days.Write(views, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                days.Write((10_000L + v) / 40, NpgsqlDbType.Bigint);
                days.Write(views.Select(x => x / 40).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                days.Write((10_000L + v) / 400, NpgsqlDbType.Bigint);
                days.Write(views.Select(x => x / 400).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
            }
            await days.CompleteAsync();
        }
        await database.ExecuteAsync(KeepWhatTriggersKeep);
        await database.ExecuteAsync("VACUUM ANALYZE");
        return watch.Elapsed;
    }

    public static string CatalogId(int video) => $"ca{video:D9}";

    private NpgsqlDataSource ReplicaDataSource() => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        Options = "-c session_replication_role=replica",
    }.ConnectionString);

    private static async Task<int[]> InsertVideosAsync(NpgsqlDataSource loader, int count, Func<int, string> youTubeId,
        Func<int, DateTimeOffset> firstSeen, Func<int, DateTimeOffset> lastSeen)
    {
        await using var connection = await loader.OpenConnectionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY videos (youtube_id, title, description, channel_id, channel_title, category_id, tags, published_at, duration_seconds, thumbnail_url, default_audio_language, first_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var v = 0; v < count; v++)
            {
                var id = youTubeId(v);
                var words = new[] { Words[v % 20], Words[v / 20 % 20], Words[v / 400 % 13] };
                importer.StartRow();
                importer.Write(id, NpgsqlDbType.Text);
                importer.Write($"{char.ToUpperInvariant(words[0][0])}{words[0][1..]} {words[1]} {words[2]} #{v}", NpgsqlDbType.Text);
                importer.Write($"A video of the realistic benchmark year.\nTags: {string.Join(", ", words)}.", NpgsqlDbType.Text);
                importer.Write($"UCrealchannel{v % 40_000:D9}", NpgsqlDbType.Text);
                importer.Write($"Channel {v % 40_000}", NpgsqlDbType.Text);
                importer.Write((short)(new short[] { 10, 24, 20, 17, 22, 1 }[v % 6]), NpgsqlDbType.Smallint);
                importer.Write(words, NpgsqlDbType.Array | NpgsqlDbType.Text);
                importer.Write(firstSeen(v).AddHours(-(v % 48)).UtcDateTime, NpgsqlDbType.TimestampTz);
                importer.Write(30 + v % 3600, NpgsqlDbType.Integer);
                importer.Write($"https://i.ytimg.com/vi/{id}/hqdefault.jpg", NpgsqlDbType.Text);
                importer.Write("en", NpgsqlDbType.Text);
                importer.Write(firstSeen(v).UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync();
        }
        // Identity values are the database's to choose: read them back in video order.
        var prefix = youTubeId(0)[..2];
        var ids = new int[count];
        await using (var command = new NpgsqlCommand("SELECT youtube_id, id FROM videos WHERE starts_with(youtube_id, $1)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids[int.Parse(reader.GetString(0).AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetInt32(1);
            }
        }
        await using (var sightings = await connection.BeginBinaryImportAsync("COPY video_sightings (video_id, last_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var v = 0; v < count; v++)
            {
                sightings.StartRow();
                sightings.Write(ids[v], NpgsqlDbType.Integer);
                sightings.Write(lastSeen(v).UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await sightings.CompleteAsync();
        }
        return ids;
    }

    private void WriteSnapshots(NpgsqlBinaryImporter importer, List<int> active, int hour, int[] ids)
    {
        var bucket = year.Start.AddHours(hour).UtcDateTime;
        foreach (var video in active)
        {
            var (views, likes, comments) = year.Statistics(video, hour);
            importer.StartRow();
            importer.Write(ids[video], NpgsqlDbType.Integer);
            importer.Write(bucket, NpgsqlDbType.TimestampTz);
            importer.Write(views, NpgsqlDbType.Bigint);
            importer.WriteNullable(likes);
            importer.WriteNullable(comments);
        }
    }

    private Task CopyChartsAsync(NpgsqlConnection connection, int firstHour, int endHour, int[][] slots, int[] arrived, int[] ids) =>
        ChartHours.CopyAsync(connection, year.Regions, year.Start, firstHour, endHour, RealisticYear.ChartLength, (hour, region, ranked) =>
        {
            var arrivals = year.Arrivals(region);
            for (; arrived[region] < arrivals.Count && arrivals[arrived[region]].Hour == hour; arrived[region]++)
            {
                slots[region][arrivals[arrived[region]].Slot] = arrivals[arrived[region]].Video;
            }
            for (var slot = 0; slot < RealisticYear.ChartLength; slot++)
            {
                ranked[RealisticYear.Rank(region, hour, slot) - 1] = ids[slots[region][slot]];
            }
        });
}
