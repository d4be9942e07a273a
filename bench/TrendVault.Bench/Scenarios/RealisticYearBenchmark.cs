using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TrendVault.Bench.Hosting;
using TrendVault.Bench.Load;
using TrendVault.Bench.Report;
using TrendVault.Bench.Storage;
using TrendVault.Storage.Tracking;

namespace TrendVault.Bench.Scenarios;

/// <summary>
/// Issue 12: a realistic default year (<see cref="RealisticYear"/>) loaded and compacted as production
/// would leave it; its bytes per table; then the catalog grown to the catalog-scale size and every public
/// endpoint measured through the real gateway (p50/p95, one request at a time, against /health/live in
/// the same run), the CSV export of one region for a month (first byte, rows/s, against a raw COPY of
/// the same entries) and the SQL of the trackers' candidate scan (against a bare round trip).
/// </summary>
public static class RealisticYearBenchmark
{
    private const double EndpointTarget = 50;

    public static async Task RunAsync(BenchDatabase database, Func<Task<ProductCluster>> startCluster, RealisticYear year, BenchSizes sizes,
        ILoadTool tool, ResultTable table, TextWriter log)
    {
        var loader = new RealisticYearLoader(database, year, log);
        log.WriteLine($"Realistic year: {year.Videos:N0} videos, {year.Snapshots:N0} snapshots, {year.ChartEntries:N0} chart entries ({year.Regions.Count} regions × {year.Hours:N0} hours); loading and compacting day by day");
        var loadTime = await loader.LoadAsync();
        await using var cluster = await startCluster();
        await ReportSizesAsync(database, year, table);

        log.WriteLine($"Catalog: growing to {sizes.CatalogVideos:N0} videos");
        var catalogTime = await loader.LoadCatalogAsync(sizes.CatalogVideos);
        var catalog = await database.ScalarAsync<long>("SELECT count(*) FROM videos");
        table.Note(string.Create(CultureInfo.InvariantCulture,
            $"Realistic year: {year.Videos:N0} distinct videos ({year.ChartArrivals:N0} chart arrivals: 20–40 a region a day, 4–8 global hits a day on 3–{year.Regions.Count} regions), {year.Snapshots:N0} hourly snapshots (on a chart, then 7 days tracked), {year.ChartEntries:N0} chart entries, {year.Regions.Count} regions × {year.Hours:N0} hours ending {year.LastBucket:u}; loaded by binary COPY day by day and compacted by SnapshotCompactor (2-day hot window) in {loadTime.TotalMinutes:F1} min. " +
            $"Endpoints then measured on a catalog of {catalog:N0} videos (the rest: metadata, a sighting, one compacted day each; loaded in {catalogTime.TotalSeconds:F0} s)."));

        await MeasureEndpointsAsync(cluster.GatewayUrl!, year, sizes, catalog, tool, table, log);
        await MeasureExportAsync(database, cluster.GatewayUrl!, year, sizes, table, log);
        await MeasureTrackerScanAsync(database, year, sizes, table);
    }

    private static async Task ReportSizesAsync(BenchDatabase database, RealisticYear year, ResultTable table)
    {
        var hot = await database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots");
        var compacted = await database.ScalarAsync<long>("SELECT coalesce(sum(cardinality(array_remove(views_off, NULL))), 0) FROM video_snapshot_days");
        if (hot + compacted != year.Snapshots)
        {
            throw new InvalidOperationException($"Expected {year.Snapshots} snapshots after compaction, found {hot} hot + {compacted} compacted.");
        }
        var entries = await database.ScalarAsync<long>("SELECT sum(cardinality(video_ids)) FROM trending_charts");
        var videos = await database.ScalarAsync<long>("SELECT count(*) FROM videos");
        table.Add(new ResultRow("realistic.videos", "Realistic year: distinct videos",
            string.Create(CultureInfo.InvariantCulture, $"{videos:N0} videos, {hot + compacted:N0} snapshots ({hot:N0} hot), {entries:N0} chart entries"),
            videos, "–", double.NaN, "≥ 100,000", videos >= 100_000));

        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid), pg_total_relation_size(c.oid), c.reltuples::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
            ORDER BY pg_total_relation_size(c.oid) DESC, c.relname
            """, connection);
        var sizes = new List<(string Name, long Table, long Indexes, long Total, long Rows)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sizes.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }
        var total = sizes.Sum(s => s.Total);
        const double target = 1.2e9;
        table.Add(new ResultRow("realistic.bytes", "Realistic year: whole database, every table and index",
            $"{Mib(total)} ({sizes.Count} tables)", total, "–", double.NaN, "≤ 1.2 GB (1,144 MiB)", total <= target));
        var days = sizes.Single(s => s.Name == "video_snapshot_days").Total;
        var perSnapshot = compacted == 0 ? double.NaN : days / (double)compacted;
        table.Add(new ResultRow("realistic.compacted", "Realistic year: bytes per compacted snapshot",
            string.Create(CultureInfo.InvariantCulture, $"{perSnapshot:F1} B ({compacted:N0} snapshots in {Mib(days)})"), perSnapshot, "–", double.NaN, "≤ 8 B", perSnapshot <= 8));
        foreach (var (name, heap, indexes, all, rows) in sizes.Where(s => s.Total >= 1 << 20))
        {
            table.Add(new ResultRow($"realistic.bytes.{name}", $"Realistic year: {name}",
                string.Create(CultureInfo.InvariantCulture, $"{Mib(all)}: table {Mib(heap)} + indexes {Mib(indexes)} (~{Math.Max(0, rows):N0} rows)"),
                all, "–", double.NaN, "–", null));
        }
        var small = sizes.Where(s => s.Total < 1 << 20).ToList();
        table.Note($"Realistic year, tables under 1 MiB ({Mib(small.Sum(s => s.Total))} together): " +
            string.Join(", ", small.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Total / 1024} KiB"))) + ".");
    }

    private static async Task MeasureEndpointsAsync(Uri gateway, RealisticYear year, BenchSizes sizes, long catalog, ILoadTool tool, ResultTable table, TextWriter log)
    {
        var region = year.Regions[0];
        var video = RealisticYear.YouTubeId(RealisticYear.EvergreenVideo);
        var last = year.LastBucket;
        var monthAgo = Iso(last.AddDays(-30));
        var yearBack = Iso(year.Start.AddMinutes(30));
        // The deepest numbered page the list serves (page × pageSize ≤ 2,000; deeper ones are refused with
        // a 400), and the next cursors found at that depth and halfway down the catalog (at most 100,000 deep).
        var deepPage = Math.Max(2, Math.Min(catalog, NumberedDepth) / 20);
        await CheckAnswersAsync(gateway, year, region, video, yearBack, catalog);
        var cursorAtNumberedDepth = await CursorAtDepthAsync(gateway, Math.Min(catalog / 2, NumberedDepth));
        var cursorHalfway = await CursorAtDepthAsync(gateway, Math.Min(catalog / 2, 100_000));

        log.WriteLine($"Realistic endpoints: {sizes.RealisticRequests:N0} requests each (or {sizes.RealisticBudget.TotalSeconds:F0} s of them), one at a time, with {tool.Name}");
        var baseline = await QueryLatencyBenchmark.MeasureAsync(tool, new Uri(gateway, "health/live"), sizes.RealisticRequests, sizes.RealisticBudget, RealisticWarmup(sizes));
        var baselineText = string.Create(CultureInfo.InvariantCulture, $"/health/live p50 {baseline.Percentile(50):F2} · p95 {baseline.Percentile(95):F2} ms");
        (string Key, string Path, double Target)[] endpoints =
        [
            ("videos.lastSeen", "api/videos", EndpointTarget),
            ("videos.firstSeen", "api/videos?sort=firstSeen", EndpointTarget),
            ("videos.published", "api/videos?sort=published", EndpointTarget),
            ("videos.title", "api/videos?sort=title", EndpointTarget),
            ("videos.views", "api/videos?sort=views", EndpointTarget),
            ("videos.q", $"api/videos?q={RealisticYearLoader.SearchWord}", EndpointTarget),
            ("videos.q.rare", $"api/videos?q={Uri.EscapeDataString(RealisticYearLoader.RareSearch)}", EndpointTarget),
            ("videos.region", $"api/videos?region={region}", EndpointTarget),
            ("videos.deep", $"api/videos?page={deepPage}", EndpointTarget),
            ("videos.after", $"api/videos?after={cursorAtNumberedDepth}", EndpointTarget),
            ("videos.after.halfway", $"api/videos?after={cursorHalfway}", EndpointTarget),
            ("video", $"api/videos/{video}", EndpointTarget),
            ("series.hour", $"api/videos/{video}/snapshots?interval=hour", 10),
            ("series.day", $"api/videos/{video}/snapshots?interval=day", 5),
            ("status", "api/status", EndpointTarget),
            ("top.24h", "api/stats/top?window=24h", EndpointTarget),
            ("top.24h.region", $"api/stats/top?window=24h&region={region}", EndpointTarget),
            ("top.30d", "api/stats/top?window=30d", EndpointTarget),
            ("top.30d.region", $"api/stats/top?window=30d&region={region}", EndpointTarget),
            ("gaps.30d", $"api/regions/{region}/gaps?from={monthAgo}&to={Iso(last)}", EndpointTarget),
            ("board", $"api/regions/{region}/trending", EndpointTarget),
            ("board.yearback", $"api/regions/{region}/trending?at={yearBack}", EndpointTarget),
            ("regions", "api/regions", EndpointTarget),
            ("region", $"api/regions/{region}", EndpointTarget),
            ("categories", $"api/regions/{region}/categories", EndpointTarget),
        ];
        foreach (var (key, path, target) in endpoints)
        {
            // The dashboard's first view (#/regions) asks /api/regions and /api/status; its board page the region and its categories.
            var name = "GET /" + path;
            var result = await QueryLatencyBenchmark.MeasureAsync(tool, new Uri(gateway, path), sizes.RealisticRequests, sizes.RealisticBudget, RealisticWarmup(sizes));
            var p95 = result.Percentile(95);
            var capped = result.Requests < sizes.RealisticRequests ? $" (n={result.Requests}: capped at {sizes.RealisticBudget.TotalSeconds:F0} s)" : "";
            if (result.Failures > 0)
            {
                // Not fatal after a long load: hey gives up on a request after 20 s, and that is a figure too.
                capped += $" ({result.Failures} of {result.Requests} failed or took over 20 s)";
            }
            table.Add(new ResultRow($"realistic.{key}", $"Realistic: {name}",
                string.Create(CultureInfo.InvariantCulture, $"p50 {result.Percentile(50):F2} · p95 {p95:F2} ms{capped}"), p95,
                baselineText, baseline.Percentile(95), $"p95 ≤ {target} ms", p95 <= target));
        }
    }

    // Time to the first byte of the body and rows per second of the whole answer, median of three, beside a
    // raw COPY of the same entries (region, bucket, rank, video id) out of PostgreSQL.
    private static async Task MeasureExportAsync(BenchDatabase database, Uri gateway, RealisticYear year, BenchSizes sizes, ResultTable table, TextWriter log)
    {
        var region = year.Regions[0];
        var from = year.LastBucket.AddDays(-30) < year.Start ? year.Start : year.LastBucket.AddDays(-30);
        var path = $"api/export/trending.csv?region={region}&from={Iso(from)}&to={Iso(year.LastBucket)}";
        log.WriteLine($"Export: GET /{path}, three times");
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        var runs = new List<(double FirstByteMs, long Rows, double Seconds)>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            double firstByte = double.NaN;
            long lines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                if (double.IsNaN(firstByte))
                {
                    firstByte = watch.Elapsed.TotalMilliseconds;
                }
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            runs.Add((firstByte, lines - 1, watch.Elapsed.TotalSeconds));
        }
        var expected = (long)(year.LastBucket - from).TotalHours * RealisticYear.ChartLength + RealisticYear.ChartLength;
        // A quoted description holds one line break per row: count rows by the entries, not the lines.
        var rows = await database.ScalarAsync<long>("SELECT count(*) FROM trending_entries WHERE region_code = $1 AND bucket BETWEEN $2 AND $3",
            region, from.UtcDateTime, year.LastBucket.UtcDateTime);
        if (rows != expected)
        {
            throw new InvalidOperationException($"Expected {expected} entries in the exported month, found {rows}.");
        }
        var median = runs.OrderBy(r => r.Seconds).ElementAt(1);
        var firstByteMedian = runs.Select(r => r.FirstByteMs).Order().ElementAt(1);

        var copySeconds = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var connection = await database.DataSource.OpenConnectionAsync();
            using var export = await connection.BeginTextExportAsync(string.Create(CultureInfo.InvariantCulture,
                $"COPY (SELECT region_code, bucket, rank, video_id FROM trending_entries WHERE region_code = '{region}' AND bucket BETWEEN '{from:O}' AND '{year.LastBucket:O}' ORDER BY bucket, rank) TO STDOUT (FORMAT CSV)"));
            while (await export.ReadLineAsync() is not null)
            {
            }
            copySeconds.Add(watch.Elapsed.TotalSeconds);
        }
        var copyRate = rows / copySeconds.Order().ElementAt(1);
        var rate = rows / median.Seconds;
        var copyText = string.Create(CultureInfo.InvariantCulture, $"raw COPY of the same entries' keys {copyRate:N0} rows/s");
        table.Add(new ResultRow("realistic.export.first", $"Realistic: CSV export, region {region}, one month: time to first byte",
            string.Create(CultureInfo.InvariantCulture, $"{firstByteMedian:F0} ms"), firstByteMedian, copyText, double.NaN, "≤ 200 ms", firstByteMedian <= 200));
        table.Add(new ResultRow("realistic.export.rate", $"Realistic: CSV export, region {region}, one month: rows/s",
            string.Create(CultureInfo.InvariantCulture, $"{rate:N0} rows/s ({rows:N0} rows in {median.Seconds:F1} s, {median.Rows:N0} lines)"), rate,
            copyText, copyRate, "≥ 50,000 rows/s", rate >= 50_000));
    }

    // The SQL a tracker shard runs each bucket (the product's TrackingStore), at the first bucket after the year.
    private static async Task MeasureTrackerScanAsync(BenchDatabase database, RealisticYear year, BenchSizes sizes, ResultTable table)
    {
        const int shards = 4;
        var store = new TrackingStore(database.DataSource);
        var bucket = year.LastBucket.AddHours(1);
        var since = bucket - TimeSpan.FromHours(RealisticYear.TrackingHours);
        var scans = new List<double>();
        var rounds = new List<double>();
        var candidates = 0;
        for (var i = 0; i < sizes.TrackerScans; i++)
        {
            candidates = 0;
            for (var shard = 0; shard < shards; shard++)
            {
                var watch = Stopwatch.StartNew();
                candidates += (await store.ListRefreshCandidatesAsync(shard, shards, bucket, since)).Count;
                scans.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await database.ScalarAsync<int>("SELECT 1");
                rounds.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        var scan = new LoadResult(scans, 0, scans.Sum() / 1000);
        var round = new LoadResult(rounds, 0, rounds.Sum() / 1000);
        table.Add(new ResultRow("realistic.tracker", "Realistic: the trackers' candidate scan (TrackingStore SQL, one of 4 shards)",
            string.Create(CultureInfo.InvariantCulture, $"p50 {scan.Percentile(50):F2} · p95 {scan.Percentile(95):F2} ms ({candidates:N0} candidates in all shards, n={scans.Count})"),
            scan.Percentile(95), string.Create(CultureInfo.InvariantCulture, $"SELECT 1 p50 {round.Percentile(50):F2} · p95 {round.Percentile(95):F2} ms"),
            round.Percentile(95), $"p95 ≤ {EndpointTarget} ms", scan.Percentile(95) <= EndpointTarget));
    }

    /// <summary>The gateway's VideoQueries.MaxCounted: the list counts that many videos at most.</summary>
    private const long ListedCount = 10_000;

    /// <summary>The gateway's VideosApi.MaxDepth: numbered pages reach that deep, cursors any depth.</summary>
    private const long NumberedDepth = 2_000;

    /// <summary>The next cursor after the first <paramref name="depth"/> videos (rounded up to pages of 100), escaped for a query.</summary>
    private static async Task<string> CursorAtDepthAsync(Uri gateway, long depth)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        var page = await http.GetFromJsonAsync<JsonElement>("api/videos?pageSize=100");
        for (var read = 100L; read < depth; read += 100)
        {
            page = await http.GetFromJsonAsync<JsonElement>($"api/videos?pageSize=100&after={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}");
        }
        return Uri.EscapeDataString(page.GetProperty("next").GetString()
            ?? throw new InvalidOperationException($"The video list ends before {depth:N0} videos."));
    }

    private static async Task CheckAnswersAsync(Uri gateway, RealisticYear year, string region, string video, string yearBack, long catalog)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        var hours = await http.GetFromJsonAsync<JsonElement>($"api/videos/{video}/snapshots?interval=hour");
        var board = await http.GetFromJsonAsync<JsonElement>($"api/regions/{region}/trending");
        var old = await http.GetFromJsonAsync<JsonElement>($"api/regions/{region}/trending?at={yearBack}");
        var list = await http.GetFromJsonAsync<JsonElement>("api/videos");
        if (hours.GetArrayLength() != year.Hours
            || board.GetProperty("items").GetArrayLength() != RealisticYear.ChartLength
            || old.GetProperty("items").GetArrayLength() != RealisticYear.ChartLength
            || old.GetProperty("capturedAt").GetDateTimeOffset() != year.Start
            || list.GetProperty("total").GetInt64() != Math.Min(catalog, ListedCount)
            || list.GetProperty("totalCapped").GetBoolean() != catalog > ListedCount)
        {
            throw new InvalidOperationException("The gateway's answers do not hold the loaded realistic year.");
        }
    }

    // Shorter than the other latency figures' warm-up: the realistic year measures four times as many endpoints.
    private static TimeSpan RealisticWarmup(BenchSizes sizes) => sizes.Warmup < TimeSpan.FromSeconds(2) ? sizes.Warmup : TimeSpan.FromSeconds(2);

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):N1} MiB");
}
