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
/// Loads a <see cref="SyntheticYear"/> into the product's tables the way a year of production would leave
/// them: day by day, binary COPY of each hour's snapshots into video_snapshots, the charts into
/// trending_charts (with the per-video chart_regions summary) and collection_runs, then the product's <see cref="SnapshotCompactor"/> with the
/// clock at the end of that day and the default two-day hot window, then VACUUM (ANALYZE) of the hot table
/// (in production a day takes a day and autovacuum keeps up; here a day takes a second).
/// </summary>
public sealed class YearLoader(BenchDatabase database, SyntheticYear year, TextWriter log)
{
    private static readonly TimeSpan HotWindow = TimeSpan.FromDays(2);
    private static readonly TimeSpan BucketSize = TimeSpan.FromHours(1);

    public async Task<TimeSpan> LoadAsync()
    {
        var watch = Stopwatch.StartNew();
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var compactor = new SnapshotCompactor(database.DataSource, new CompactionMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<SnapshotCompactor>.Instance);
        // The rows are consistent by construction: skip the per-row foreign-key triggers, as pg_restore does
        // (session_replication_role needs a superuser, which the benchmark's throwaway server has).
        await using var loader = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Options = "-c session_replication_role=replica",
        }.ConnectionString);
        var videoIds = await InsertVideosAsync(loader);
        var compaction = TimeSpan.Zero;
        var compacting = Task.CompletedTask;
        var firstHour = 0;
        while (firstHour < year.Hours)
        {
            var first = year.Start.AddHours(firstHour).UtcDateTime;
            var day = first.Date;
            var endHour = Math.Min(year.Hours, firstHour + 24 - first.Hour);
            await CopySnapshotsAsync(loader, videoIds, firstHour, endHour);
            await CopyChartsAsync(loader, videoIds, firstHour, endHour);

            // Compaction of older days runs beside the next day's COPY (other rows, other connection): two cores, two backends.
            await compacting;
            var dayEnd = new DateTimeOffset(day.AddDays(1), TimeSpan.Zero);
            var now = dayEnd < year.LastBucket ? dayEnd : year.LastBucket.Add(BucketSize);
            compacting = Task.Run(async () =>
            {
                var started = Stopwatch.StartNew();
                await compactor.CompactAsync(now - HotWindow, BucketSize);
                await database.ExecuteAsync("VACUUM (ANALYZE) video_snapshots");
                compaction += started.Elapsed;
            });

            firstHour = endHour;
            if (day.Day == 1)
            {
                log.WriteLine($"  loaded through {day:yyyy-MM-dd}: {(long)firstHour * year.Videos:N0} snapshots in {watch.Elapsed.TotalSeconds:F0} s (compaction {compaction.TotalSeconds:F0} s of it, in parallel)");
            }
        }
        await compacting;
        await database.ExecuteAsync("VACUUM ANALYZE");
        log.WriteLine($"  loaded {year.Snapshots:N0} snapshots in {watch.Elapsed.TotalSeconds:F0} s (compaction {compaction.TotalSeconds:F0} s of it, in parallel)");
        return watch.Elapsed;
    }

    /// <summary>Plain one-row-per-snapshot rows of the first <paramref name="hours"/> hours, in arrival order (hour by hour).</summary>
    public async Task CopyPlainAsync(string table, int hours)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} (video_id, bucket, views, likes, comments) FROM STDIN (FORMAT BINARY)");
        for (var hour = 0; hour < hours; hour++)
        {
            WriteHour(importer, hour, video => video + 1);
        }
        await importer.CompleteAsync();
    }

    private async Task<int[]> InsertVideosAsync(NpgsqlDataSource loader)
    {
        await using var connection = await loader.OpenConnectionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY videos (youtube_id, title, description, channel_id, channel_title, category_id, tags, published_at, duration_seconds, thumbnail_url, default_audio_language, first_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var video = 0; video < year.Videos; video++)
            {
                var id = SyntheticYear.YouTubeId(video);
                importer.StartRow();
                importer.Write(id, NpgsqlDbType.Text);
                importer.Write($"Benchmark video {video}: a year on the charts", NpgsqlDbType.Text);
                importer.Write($"Synthetic video {video} of the storage benchmark.\nIt trends somewhere every hour of the year.", NpgsqlDbType.Text);
                importer.Write($"UCbenchchannel{video % 600:D10}", NpgsqlDbType.Text);
                importer.Write($"Bench Channel {video % 600}", NpgsqlDbType.Text);
                importer.Write((short)(video % 2 == 0 ? 10 : 24), NpgsqlDbType.Smallint);
                importer.Write(new[] { "benchmark", "trending", $"video{video}" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                importer.Write(year.Start.AddDays(-3).UtcDateTime, NpgsqlDbType.TimestampTz);
                importer.Write(60 + video % 3600, NpgsqlDbType.Integer);
                importer.Write($"https://i.ytimg.com/vi/{id}/hqdefault.jpg", NpgsqlDbType.Text);
                importer.Write("en", NpgsqlDbType.Text);
                importer.Write(year.Start.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync();
        }
        // The channel names the product's trigger keeps (sql/0024); this session runs without triggers.
        await using (var channels = new NpgsqlCommand("INSERT INTO channel_titles SELECT DISTINCT channel_title FROM videos ON CONFLICT DO NOTHING", connection))
        {
            await channels.ExecuteNonQueryAsync();
        }
        await using (var sightings = new NpgsqlCommand("INSERT INTO video_sightings (video_id, last_seen_at) SELECT id, $1 FROM videos WHERE youtube_id LIKE 'bench%'", connection))
        {
            sightings.Parameters.Add(new NpgsqlParameter { Value = year.LastBucket.UtcDateTime });
            await sightings.ExecuteNonQueryAsync();
        }
        // Identity values are the database's to choose: read them back in video order.
        var ids = new int[year.Videos];
        await using var command = new NpgsqlCommand("SELECT youtube_id, id FROM videos WHERE youtube_id LIKE 'bench%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[int.Parse(reader.GetString(0).AsSpan(5), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetInt32(1);
        }
        return ids;
    }

    private async Task CopySnapshotsAsync(NpgsqlDataSource loader, int[] videoIds, int firstHour, int endHour)
    {
        await using var connection = await loader.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync("COPY video_snapshots (video_id, bucket, views, likes, comments) FROM STDIN (FORMAT BINARY)");
        for (var hour = firstHour; hour < endHour; hour++)
        {
            WriteHour(importer, hour, video => videoIds[video]);
        }
        await importer.CompleteAsync();
    }

    private void WriteHour(NpgsqlBinaryImporter importer, int hour, Func<int, int> databaseId)
    {
        var bucket = year.Start.AddHours(hour).UtcDateTime;
        for (var video = 0; video < year.Videos; video++)
        {
            var (views, likes, comments) = year.Statistics(video, hour);
            importer.StartRow();
            importer.Write(databaseId(video), NpgsqlDbType.Integer);
            importer.Write(bucket, NpgsqlDbType.TimestampTz);
            importer.Write(views, NpgsqlDbType.Bigint);
            importer.WriteNullable(likes);
            importer.WriteNullable(comments);
        }
    }

    private async Task CopyChartsAsync(NpgsqlDataSource loader, int[] videoIds, int firstHour, int endHour)
    {
        await using var connection = await loader.OpenConnectionAsync();
        var chart = new int[SyntheticYear.ChartLength];
        await ChartHours.CopyAsync(connection, year.Regions, year.Start, firstHour, endHour, SyntheticYear.ChartLength, (hour, region, ranked) =>
        {
            year.Chart(region, hour, chart);
            for (var rank = 0; rank < chart.Length; rank++)
            {
                ranked[rank] = videoIds[chart[rank]];
            }
        });
    }
}
