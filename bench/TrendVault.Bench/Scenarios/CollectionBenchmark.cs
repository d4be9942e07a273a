using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TrendVault.Bench.Hosting;
using TrendVault.Bench.Report;
using TrendVault.Grains;
using TrendVault.Model;
using TrendVault.Processes;
using TrendVault.Storage.Snapshots;

namespace TrendVault.Bench.Scenarios;

/// <summary>
/// One collection cycle, tick to committed: every region's grain collects its 200-video chart (4 pages)
/// from the fake API at zero delay, concurrently, and answers once snapshots and ranks are committed.
/// Baselines: fetching the same pages with a bare HttpClient (the floor for the wall time), and a raw
/// binary COPY of the cycle's snapshot rows (the floor for the write rate).
/// </summary>
public static class CollectionBenchmark
{
    private const string CopyTable = "bench_copy_baseline";

    public static async Task RunAsync(ProductCluster cluster, BenchDatabase database, FakeYouTubeProcess fake, BenchSizes sizes, ResultTable table, TextWriter log)
    {
        var regions = await RegionsAsync(database, sizes.CollectionRegions);
        log.WriteLine($"Collection cycle: {regions.Count} regions, {sizes.CollectionBucket.TotalSeconds:F0}-s buckets");
        await FetchChartsAsync(fake, regions);
        var fetch = await FetchChartsAsync(fake, regions);

        // Region grains are active when a tick arrives: a silo activates its configured regions at start,
        // and their reminder (every 10 minutes) keeps them from idling out. Video grains are not kept.
        await ActivateRegionsAsync(cluster, regions);
        var cold = await CycleAsync(cluster, fake, regions, sizes.CollectionBucket, log);
        // An hour later Orleans has deactivated the idle video grains (default collection age 15 min): do that
        // now. It deactivates the regions too, which their reminder would have kept: activate them again.
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await ActivateRegionsAsync(cluster, regions);
        var before = await ScrapeAsync(cluster);
        var steady = await CycleAsync(cluster, fake, regions, sizes.CollectionBucket, log);
        var batches = WriterBatches(before, await ScrapeAsync(cluster));

        var rows = await SnapshotRowsAsync(database, steady.Bucket);
        var copyRate = rows.Count / await TimeCopyAsync(database, rows, steady.Bucket);
        var writerRate = rows.Count / await TimeWriterAsync(database, steady.Bucket, steady.Bucket + TimeSpan.FromDays(400));
        var cycleRate = rows.Count / steady.Seconds;
        var busyRate = batches.Snapshots / batches.Seconds;

        var fetchText = $"{fetch.Seconds:F2} s: the same {fetch.Pages} pages fetched by a bare HttpClient";
        var cycle = $"{regions.Count} regions × 200 = {steady.Entries:N0} chart entries, {rows.Count:N0} distinct videos";
        table.Add(new ResultRow("collection.cold", "Collection cycle, first tick after silo start (cold: JIT, video grains new)",
            $"{cold.Seconds:F2} s ({cycle})", cold.Seconds, fetchText, fetch.Seconds, "≤ 3 s", cold.Seconds <= 3));
        table.Add(new ResultRow("collection.steady", "Collection cycle, steady (as an hour later: idle video grains deactivated first)",
            $"{steady.Seconds:F2} s", steady.Seconds, fetchText, fetch.Seconds, "≤ 3 s", steady.Seconds <= 3));
        var copyText = $"raw binary COPY of the same rows {copyRate:N0} rows/s";
        table.Add(new ResultRow("collection.rate", "Snapshot write rate of the steady cycle (snapshots ÷ the writer's busy time)",
            $"{busyRate:N0} snapshots/s ({batches.Snapshots:N0} in {batches.Count} batches, {batches.Seconds * 1000:F0} ms)",
            busyRate, copyText, copyRate, "ratio ≥ 0.5", busyRate / copyRate >= 0.5));
        table.Add(new ResultRow("collection.rate-wall", "Snapshot write rate of the steady cycle, end to end (snapshots ÷ cycle wall time)",
            $"{cycleRate:N0} snapshots/s", cycleRate, copyText, copyRate, "– (bounded by the API fetch)", null));
        table.Add(new ResultRow("collection.writer", "SnapshotWriter alone, same rows (the cycle's write path, no API or grains; warm, median of 5 buckets)",
            $"{writerRate:N0} snapshots/s", writerRate, copyText, copyRate, "–", null));
    }

    /// <summary>The writer's committed batches between two scrapes of the silo's metrics: batches, snapshots and commit time.</summary>
    private static (double Count, double Snapshots, double Seconds) WriterBatches(PrometheusText before, PrometheusText after)
    {
        double Delta(string metric) => after.Sum(metric) - before.Sum(metric);
        var count = Delta("trendvault_writer_batch_size_count");
        if (count == 0)
        {
            throw new InvalidOperationException("The silo's metrics count no committed snapshot batch during the cycle.");
        }
        return (count, Delta("trendvault_writer_batch_size_sum"), Delta("trendvault_writer_batch_duration_seconds_sum"));
    }

    private static Task<PrometheusText> ScrapeAsync(ProductCluster cluster) => PrometheusText.ScrapeAsync(cluster.SiloMetricsUrl);

    private static async Task<IReadOnlyList<string>> RegionsAsync(BenchDatabase database, int? count)
    {
        await using var command = database.DataSource.CreateCommand("SELECT code FROM regions ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }
        // The smoke size takes a few; the full one every region the catalog (the fake API) has.
        return count is { } take ? codes.Where(code => code is "US" or "GB" or "JP").Concat(codes).Distinct().Take(take).ToList() : codes;
    }

    private static async Task<(double Seconds, int Pages)> FetchChartsAsync(FakeYouTubeProcess fake, IReadOnlyList<string> regions)
    {
        using var http = new HttpClient { BaseAddress = fake.ApiUrl };
        var watch = Stopwatch.StartNew();
        var pages = await Task.WhenAll(regions.Select(async region =>
        {
            string? token = null;
            var count = 0;
            do
            {
                var query = $"videos?part=snippet,statistics,contentDetails&chart=mostPopular&regionCode={region}&maxResults=50&key=bench-key" + (token is null ? "" : "&pageToken=" + token);
                using var page = JsonDocument.Parse(await http.GetStringAsync(query));
                token = page.RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
                count++;
            }
            while (token is not null && count < 4);
            return count;
        }));
        return (watch.Elapsed.TotalSeconds, pages.Sum());
    }

    private static Task ActivateRegionsAsync(ProductCluster cluster, IReadOnlyList<string> regions) =>
        Task.WhenAll(regions.Select(region => cluster.Client.GetGrain<IRegionGrain>(region).GetStatusAsync()));

    private static async Task<(double Seconds, DateTimeOffset Bucket, int Entries)> CycleAsync(ProductCluster cluster, FakeYouTubeProcess fake, IReadOnlyList<string> regions, TimeSpan bucketSize, TextWriter log)
    {
        // Start just after a bucket boundary so the whole cycle collects one fresh bucket.
        var now = DateTimeOffset.UtcNow;
        var next = DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(((now - DateTimeOffset.UnixEpoch).Ticks / bucketSize.Ticks + 1) * bucketSize.Ticks);
        await Task.Delay(next - now + TimeSpan.FromMilliseconds(50));
        var (silo, api, database) = (cluster.Silo.ProcessorTime, fake.Process.ProcessorTime, PostgresProcessorTime());
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(regions.Select(region => cluster.Client.GetGrain<IRegionGrain>(region).CollectNowAsync()));
        var seconds = watch.Elapsed.TotalSeconds;
        // Where the two cores went during the cycle (the harness's own share is small: it only waits).
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cycle {seconds:F2} s; CPU seconds: silo {(cluster.Silo.ProcessorTime - silo).TotalSeconds:F2}, fake API {(fake.Process.ProcessorTime - api).TotalSeconds:F2}, PostgreSQL {(PostgresProcessorTime() - database).TotalSeconds:F2}"));
        if (results.FirstOrDefault(r => r.Outcome != CollectionOutcome.Collected) is { } failed)
        {
            throw new InvalidOperationException($"Region {failed.Region} answered {failed.Outcome}: {failed.Error}; see {cluster.Silo.LogPath}");
        }
        return (seconds, results[0].Bucket, results.Sum(r => r.Videos));
    }

    /// <summary>CPU time of every PostgreSQL process on the machine, from /proc (the benchmark's server is the only one).</summary>
    private static TimeSpan PostgresProcessorTime()
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(directory), out _) || File.ReadAllText(Path.Combine(directory, "comm")).Trim() != "postgres")
                {
                    continue;
                }
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static async Task<List<(int VideoId, long Views, long? Likes, long? Comments)>> SnapshotRowsAsync(BenchDatabase database, DateTimeOffset bucket)
    {
        await using var command = database.DataSource.CreateCommand("SELECT video_id, views, likes, comments FROM video_snapshots WHERE bucket = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, long, long?, long?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3)));
        }
        return rows;
    }

    /// <summary>
    /// Seconds for one binary COPY of the rows into a table shaped and indexed like video_snapshots: the median
    /// of five (one bucket each), since a few thousand rows take only milliseconds.
    /// </summary>
    private static async Task<double> TimeCopyAsync(BenchDatabase database, List<(int VideoId, long Views, long? Likes, long? Comments)> rows, DateTimeOffset bucket)
    {
        await database.ExecuteAsync($"CREATE TABLE {CopyTable} (LIKE video_snapshots INCLUDING ALL)");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var times = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY {CopyTable} (video_id, bucket, views, likes, comments) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (videoId, views, likes, comments) in rows)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(videoId, NpgsqlDbType.Integer);
                    await importer.WriteAsync(bucket.AddHours(run).UtcDateTime, NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(views, NpgsqlDbType.Bigint);
                    await WriteNullableAsync(importer, likes);
                    await WriteNullableAsync(importer, comments);
                }
                await importer.CompleteAsync();
            }
            times.Add(watch.Elapsed.TotalSeconds);
        }
        await database.ExecuteAsync($"DROP TABLE {CopyTable}");
        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>
    /// Seconds for the product's SnapshotWriter to commit the same videos' snapshots (metadata included) in another
    /// bucket: the median of five buckets after one warm-up bucket, as a silo's writer is warm after its first hour.
    /// </summary>
    private static async Task<double> TimeWriterAsync(BenchDatabase database, DateTimeOffset bucket, DateTimeOffset otherBucket)
    {
        var records = new List<SnapshotRecord>();
        await using (var command = database.DataSource.CreateCommand("""
            SELECT v.youtube_id, v.title, v.channel_id, v.channel_title, v.category_id, v.published_at, v.duration_seconds, v.tags,
                   v.description, v.thumbnail_url, v.default_audio_language, s.views, s.likes, s.comments
            FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE s.bucket = $1
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = bucket.UtcDateTime });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var metadata = new VideoMetadata(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt16(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : TimeSpan.FromSeconds(reader.GetInt32(6)), reader.GetFieldValue<string[]>(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10));
                var statistics = new VideoStatistics(reader.GetInt64(11), reader.IsDBNull(12) ? null : reader.GetInt64(12), reader.IsDBNull(13) ? null : reader.GetInt64(13));
                records.Add(new SnapshotRecord(metadata, statistics, otherBucket, otherBucket));
            }
        }
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var writer = new SnapshotWriter(database.DataSource, Options.Create(new SnapshotWriterOptions()),
            new SnapshotWriterMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<SnapshotWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            var times = new List<double>();
            for (var run = 0; run <= 5; run++)
            {
                var hour = TimeSpan.FromHours(run);
                var bucketRecords = records.Select(r => r with { Bucket = r.Bucket + hour, SeenAt = r.SeenAt + hour }).ToList();
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(bucketRecords.Select(record => writer.WriteAsync(record)));
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalSeconds);
                }
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, long? value) =>
        value is { } present ? importer.WriteAsync(present, NpgsqlDbType.Bigint) : importer.WriteNullAsync();
}
