using System.Text;
using Npgsql;
using TrendVault.Import.Csv;
using TrendVault.Model;
using TrendVault.Storage.Catalog;
using TrendVault.Storage.Collection;
using TrendVault.Storage.Import;

namespace TrendVault.Import.Tests;

/// <summary>
/// The import of public trending datasets as history, against a real PostgreSQL: what
/// <see cref="HistoryImportStore"/> stores from the shared real files, what it leaves alone, that a file is
/// stored whole or not at all, and <c>scripts/import.sh</c> run as a process.
/// </summary>
public sealed class HistoryImportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nov14 = new(2017, 11, 14, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private const string ReadingFails = "reading the file fails";
    private const string Cancelled = "the import is cancelled";
    private const string RowRefused = "the database refuses a row";

    private const string Classic2017Header =
        "video_id,trending_date,title,channel_title,category_id,publish_time,tags,views,likes,dislikes,comment_count,thumbnail_link,"
        + "comments_disabled,ratings_disabled,video_error_or_removed,description";

    private PostgresTestDatabase _database = null!;
    private HistoryImportStore _store = null!;
    private readonly List<string> _temporary = [];

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _store = new HistoryImportStore(_database.DataSource);
    }

    public async Task DisposeAsync()
    {
        foreach (var path in _temporary.Where(Directory.Exists))
        {
            Directory.Delete(path, recursive: true);
        }
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Importing_a_shared_file_stores_each_row_as_a_snapshot_and_each_day_as_an_imported_chart_of_a_region_not_yet_fetched()
    {
        var report = await ImportFileAsync(SharedDatasets.File("GBvideos-2017-09.csv"), "GB");

        Assert.Equal(TrendingCsvLayout.First2017, report.Layout);
        Assert.Empty(report.AllSkipped);
        Assert.Equal(7885, report.RowsWithDislikes);
        var result = report.Result;
        Assert.Equal(
            (7997L, 1736, 40, 1736, 7997L, 0L, 40),
            (result.Rows, result.Videos, result.Days, result.NewVideos, result.NewSnapshots, result.Differing, result.NewCharts));
        Assert.Empty(result.Duplicates);

        Assert.Equal(1736, await CountAsync("SELECT count(*) FROM videos"));
        Assert.Equal(7997, await CountAsync("SELECT count(*) FROM video_snapshots"));
        Assert.Equal(
            new object?[] { 40L, 7997L, new DateTime(2017, 9, 13, 0, 0, 0, DateTimeKind.Utc), new DateTime(2017, 10, 22, 0, 0, 0, DateTimeKind.Utc) },
            Assert.Single(await _database.RowsAsync(
                "SELECT count(*), sum(cardinality(video_ids)), min(bucket), max(bucket) FROM trending_charts WHERE region_code = 'GB'")));
        Assert.Equal(
            new object?[] { "imported", 40L, 7997L, ImportedAt.UtcDateTime, ImportedAt.UtcDateTime },
            Assert.Single(await _database.RowsAsync(
                "SELECT status, count(*), sum(videos), min(started_at), max(finished_at) FROM collection_runs WHERE region_code = 'GB' GROUP BY status")));
        Assert.Equal(1736, await CountAsync("SELECT count(*) FROM video_chart_regions WHERE region_code = 'GB'"));
        Assert.Equal(1736, await CountAsync("SELECT count(*) FROM video_sightings"));
        Assert.Equal(new object?[] { "GB", "United Kingdom", null }, Assert.Single(await _database.RowsAsync("SELECT code::text, name, fetched_at FROM regions")));
        Assert.False(await new CatalogStore(_database.DataSource).IsFetchedAsync());
    }

    [Fact]
    public async Task The_stored_snapshots_charts_and_ranks_match_the_file_row_for_row()
    {
        var path = SharedDatasets.File("GBvideos-2017-09.csv");
        await ImportFileAsync(path, "GB");

        // The oracle: the rows read by column name, independently of the importer; a day's chart is its rows in file order.
        var rows = DatasetRow.ReadAll(path);
        var days = rows.GroupBy(row => row.Day).ToDictionary(day => day.Key, day => day.Select(row => row.VideoId).Distinct().ToList());

        var snapshots = await _database.RowsAsync("""
            SELECT v.youtube_id, s.bucket, s.views, s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id
            """);
        Assert.Equal(
            rows.Select(row => (row.VideoId, row.Day, row.Views, row.Likes, row.Comments)).OrderBy(row => row.VideoId, StringComparer.Ordinal).ThenBy(row => row.Day).ToList(),
            snapshots.Select(s => ((string)s[0]!, Utc(s[1]), (long)s[2]!, (long?)s[3], (long?)s[4])).OrderBy(row => row.Item1, StringComparer.Ordinal).ThenBy(row => row.Item2).ToList());

        var charts = await _database.RowsAsync("""
            SELECT c.bucket, ARRAY(SELECT v.youtube_id FROM unnest(c.video_ids) WITH ORDINALITY AS u(id, rank) JOIN videos v ON v.id = u.id ORDER BY u.rank)
            FROM trending_charts c ORDER BY c.bucket
            """);
        Assert.Equal(days.Keys.Order().ToList(), charts.Select(chart => Utc(chart[0])).ToList());
        Assert.All(charts, chart => Assert.Equal(days[Utc(chart[0])], (string[])chart[1]!));

        var expectedRanks = days
            .SelectMany(day => day.Value.Select((video, index) => (Video: video, Day: day.Key, Rank: index + 1)))
            .GroupBy(entry => entry.Video)
            .Select(video => (video.Key, (short)video.Min(entry => entry.Rank), video.Max(entry => entry.Day)))
            .OrderBy(video => video.Key, StringComparer.Ordinal)
            .ToList();
        var ranks = await _database.RowsAsync("""
            SELECT v.youtube_id, r.best_rank, r.last_bucket FROM video_chart_regions r JOIN videos v ON v.id = r.video_id
            WHERE r.region_code = 'GB' ORDER BY v.youtube_id COLLATE "C"
            """);
        Assert.Equal(expectedRanks, ranks.Select(r => ((string)r[0]!, (short)r[1]!, Utc(r[2]))).ToList());

        // A video first seen on the file's day it first trended, last seen and last charted on the last.
        var firstAndLast = rows.GroupBy(row => row.VideoId).ToDictionary(video => video.Key, video => (video.Min(r => r.Day), video.Max(r => r.Day), video.Max(r => r.Day)));
        var stored = await _database.RowsAsync("""
            SELECT v.youtube_id, v.first_seen_at, s.last_seen_at, s.last_chart_bucket FROM videos v JOIN video_sightings s ON s.video_id = v.id
            """);
        Assert.Equal(firstAndLast.Count, stored.Count);
        Assert.All(stored, video => Assert.Equal(firstAndLast[(string)video[0]!], (Utc(video[1]), Utc(video[2]), Utc(video[3]))));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing_the_second_time()
    {
        var path = SharedDatasets.File("GBvideos-2017-09.csv");
        await ImportFileAsync(path, "GB");
        var before = await TableCountsAsync();
        var runsBefore = await _database.RowsAsync("SELECT bucket, status, started_at, finished_at, videos FROM collection_runs ORDER BY bucket");

        var again = await ImportFileAsync(path, "GB", ImportedAt.AddDays(1));

        Assert.Equal(
            (7997L, 1736, 40, 0, 0L, 0L, 0),
            (again.Result.Rows, again.Result.Videos, again.Result.Days, again.Result.NewVideos, again.Result.NewSnapshots, again.Result.Differing,
             again.Result.NewCharts));
        Assert.Equal(before, await TableCountsAsync());
        Assert.Equal(runsBefore, await _database.RowsAsync("SELECT bucket, status, started_at, finished_at, videos FROM collection_runs ORDER BY bucket"));
    }

    [Fact]
    public async Task A_file_that_lists_more_of_a_day_imported_before_replaces_its_shorter_chart()
    {
        // The first 300 rows: all 200 of 2017-09-13 and the first 100 of 2017-09-14.
        var path = SharedDatasets.File("GBvideos-2017-09.csv");
        var sample = WriteTemporaryFile("GBvideos-sample.csv", File.ReadLines(path).Take(301).ToArray());
        await ImportFileAsync(sample, "GB");
        var sep13 = new DateTime(2017, 9, 13, 0, 0, 0, DateTimeKind.Utc);
        var sep14 = sep13.AddDays(1);
        var sep13Chart = (await ChartsAsync("GB"))[0];

        var whole = await ImportFileAsync(path, "GB", ImportedAt.AddDays(1));

        Assert.Equal((38, 1), (whole.Result.NewCharts, whole.Result.LongerCharts));
        var charts = await ChartsAsync("GB");
        Assert.Equal(40, charts.Count);
        Assert.Equal(sep13Chart, charts[0]);
        var sep14Ids = Assert.IsType<string[]>(charts[1][1]);
        Assert.Equal(200, sep14Ids.Length);
        Assert.Equal(ReadRows(path).Skip(200).Take(200).Select(row => row.Video.YouTubeId), sep14Ids);
        Assert.Equal(
            [new object?[] { sep13, 200, ImportedAt.UtcDateTime }, new object?[] { sep14, 200, ImportedAt.AddDays(1).UtcDateTime }],
            await _database.RowsAsync("SELECT bucket, videos, finished_at FROM collection_runs WHERE bucket <= $1 ORDER BY bucket", sep14));
    }

    // The last failure comes after the region, the videos' staging and the duplicates were written in the transaction.
    [Theory]
    [InlineData(ReadingFails)]
    [InlineData(Cancelled)]
    [InlineData(RowRefused)]
    public async Task A_file_is_never_half_imported_when(string failure)
    {
        var rows = ReadRows(SharedDatasets.File("USvideos-2017-11-sample.csv"));
        using var cancellation = new CancellationTokenSource();

        IEnumerable<ImportedRow> Failing()
        {
            foreach (var row in rows.Take(10))
            {
                yield return row;
            }
            switch (failure)
            {
                case ReadingFails:
                    throw new IOException("the disk went away");
                case Cancelled:
                    cancellation.Cancel();
                    break;
                case RowRefused:
                    // Not an 11-character YouTube id: the videos table's check refuses it.
                    yield return rows[10] with { Line = 12, Video = rows[10].Video with { YouTubeId = "not an id" } };
                    break;
            }
            foreach (var row in rows.Skip(10))
            {
                yield return row;
            }
        }

        Task Import() => _store.ImportAsync("US", "United States", Failing(), ImportedAt, cancellation.Token);
        switch (failure)
        {
            case ReadingFails:
                Assert.Equal("the disk went away", (await Assert.ThrowsAsync<IOException>(Import)).Message);
                break;
            case Cancelled:
                await Assert.ThrowsAnyAsync<OperationCanceledException>(Import);
                break;
            case RowRefused:
                Assert.Equal(PostgresErrorCodes.CheckViolation, (await Assert.ThrowsAsync<PostgresException>(Import)).SqlState);
                break;
        }

        Assert.Equal(new Dictionary<string, long>
        {
            ["regions"] = 0, ["videos"] = 0, ["video_snapshots"] = 0, ["video_sightings"] = 0, ["trending_charts"] = 0,
            ["video_chart_regions"] = 0, ["collection_runs"] = 0,
        }, await TableCountsAsync());

        // The failed import's connection went back to the pool usable: the file imports whole afterwards.
        var result = await _store.ImportAsync("US", "United States", rows, ImportedAt);
        Assert.Equal((25L, 25L, 1), (result.Rows, result.NewSnapshots, result.NewCharts));
        Assert.Equal(25, await CountAsync("SELECT count(*) FROM video_snapshots"));
    }

    [Fact]
    public async Task Bad_rows_are_skipped_with_their_lines_and_reasons_and_the_rest_is_stored()
    {
        var path = WriteTemporaryFile("USbad.csv",
            Classic2017Header,
            ClassicRow("aaaaaaaaaaa", "17.14.11", "A first", views: "100"),
            ClassicRow("bbbbbbbbbbb", "17.14.11", "B", views: "200"),
            ClassicRow("ccccccccccc", "17.14.11", "C", views: "abc"),
            "ddddddddddd,17.14.11,too few fields",
            ClassicRow("eeeeeeeeeee", "17.14.11", "E", views: "300"),
            ClassicRow("aaaaaaaaaaa", "17.14.11", "A repeated", views: "150"),
            ClassicRow("aaaaaaaaaaa", "17.15.11", "A newest", views: "400"));

        var report = await ImportFileAsync(path, "US");

        Assert.Equal(
            [
                new SkippedRow(4, "views 'abc' is not a non-negative whole number"),
                new SkippedRow(5, "expected 16 fields, found 3"),
                new SkippedRow(7, "video aaaaaaaaaaa already listed for 2017-11-14 on line 2"),
            ],
            report.AllSkipped);
        Assert.Equal(new DuplicateRow(7, "aaaaaaaaaaa", Nov14, 2), Assert.Single(report.Result.Duplicates));
        // Rows counts the rows imported: 4 + 3 skipped for 7 data rows.
        var result = report.Result;
        Assert.Equal(
            (4L, 3, 2, 3, 4L, 0L, 2),
            (result.Rows, result.Videos, result.Days, result.NewVideos, result.NewSnapshots, result.Differing, result.NewCharts));

        // The first row of a (video, day) is its point; the newest row describes the video.
        var snapshots = await _database.RowsAsync("""
            SELECT v.youtube_id, s.bucket, s.views FROM video_snapshots s JOIN videos v ON v.id = s.video_id ORDER BY v.youtube_id, s.bucket
            """);
        Assert.Equal(
            [
                new object?[] { "aaaaaaaaaaa", Nov14.UtcDateTime, 100L }, new object?[] { "aaaaaaaaaaa", Nov14.AddDays(1).UtcDateTime, 400L },
                new object?[] { "bbbbbbbbbbb", Nov14.UtcDateTime, 200L }, new object?[] { "eeeeeeeeeee", Nov14.UtcDateTime, 300L },
            ],
            snapshots);
        Assert.Equal(
            [new object?[] { "aaaaaaaaaaa", "A newest" }, new object?[] { "bbbbbbbbbbb", "B" }, new object?[] { "eeeeeeeeeee", "E" }],
            await _database.RowsAsync("SELECT youtube_id, title FROM videos ORDER BY youtube_id"));
        Assert.Equal(
            [new object?[] { Nov14.UtcDateTime, new[] { "aaaaaaaaaaa", "bbbbbbbbbbb", "eeeeeeeeeee" } }, new object?[] { Nov14.AddDays(1).UtcDateTime, new[] { "aaaaaaaaaaa" } }],
            await ChartsAsync("US"));
    }

    [Fact]
    public async Task Importing_over_a_chart_already_collected_keeps_the_collected_chart_run_snapshot_and_video()
    {
        // Collected for (US, 2017-11-14 00:00): a video the file lacks at rank 1, the file's first video at rank 2 with other counts.
        await new CatalogStore(_database.DataSource).UpsertRegionsAsync([new RegionInfo("US", "United States")], Nov14);
        var collectedOnly = await AddVideoAsync("collected01", Nov14);
        var inFile = await AddVideoAsync("2kyS6SvSYSE", Nov14);
        await _database.ExecuteAsync(
            $"INSERT INTO video_snapshots (video_id, bucket, views, likes, comments) VALUES ({inFile}, '2017-11-14T00:00:00Z', 700000, 50000, 15000)");
        var runs = new CollectionRunStore(_database.DataSource);
        await runs.StartAsync("US", Nov14, Nov14);
        await runs.CompleteAsync("US", Nov14, [new(1, "collected01"), new(2, "2kyS6SvSYSE")], apiCalls: 4, BrokenItems.None, Nov14.AddMinutes(1));

        var report = await ImportFileAsync(SharedDatasets.File("USvideos-2017-11-sample.csv"), "US");

        var result = report.Result;
        Assert.Equal(
            (25L, 25, 1, 24, 24L, 1L, 0),
            (result.Rows, result.Videos, result.Days, result.NewVideos, result.NewSnapshots, result.Differing, result.NewCharts));
        Assert.Equal([new object?[] { Nov14.UtcDateTime, new[] { "collected01", "2kyS6SvSYSE" } }], await ChartsAsync("US"));
        Assert.Equal(
            new object?[] { "succeeded", 2, 4, Nov14.AddMinutes(1).UtcDateTime },
            Assert.Single(await _database.RowsAsync("SELECT status, videos, api_calls, finished_at FROM collection_runs")));
        Assert.Equal(
            [new object?[] { collectedOnly, (short)1 }, new object?[] { inFile, (short)2 }],
            await _database.RowsAsync("SELECT video_id, best_rank FROM video_chart_regions WHERE region_code = 'US' ORDER BY video_id"));

        // The collected snapshot and video stay as they were; the file's other 24 videos are stored with its counts.
        Assert.Equal(
            new object?[] { 700000L, 50000L, 15000L, "t" },
            Assert.Single(await _database.RowsAsync(
                "SELECT s.views, s.likes, s.comments, v.title FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = '2kyS6SvSYSE'")));
        Assert.Equal(26, await CountAsync("SELECT count(*) FROM videos"));
        Assert.Equal(25, await CountAsync("SELECT count(*) FROM video_snapshots"));
        Assert.Equal(
            new object?[] { 2418783L, 97185L, 12703L },
            Assert.Single(await _database.RowsAsync(
                "SELECT s.views, s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE v.youtube_id = '1ZAPwfrtAFY'")));
        Assert.Equal(new object?[] { "United States", Nov14.UtcDateTime }, Assert.Single(await _database.RowsAsync("SELECT name, fetched_at FROM regions")));
    }

    [Fact]
    public async Task A_snapshot_already_compacted_into_its_day_is_kept_and_not_stored_again()
    {
        // 2kyS6SvSYSE's 2017-11-14 00:00 snapshot, compacted: hourly slots, the first one filled, with other counts than the file's.
        var compacted = await AddVideoAsync("2kyS6SvSYSE", Nov14);
        await _database.ExecuteAsync($"""
            INSERT INTO video_snapshot_days (video_id, day, slot_seconds, views_base, views_off, likes_base, likes_off, comments_base, comments_off)
            VALUES ({compacted}, '2017-11-14T00:00:00Z', 3600, 700000, ARRAY[0] || array_fill(NULL::integer, ARRAY[23]),
                    50000, ARRAY[0] || array_fill(NULL::integer, ARRAY[23]), 15000, ARRAY[0] || array_fill(NULL::integer, ARRAY[23]))
            """);

        var result = (await ImportFileAsync(SharedDatasets.File("USvideos-2017-11-sample.csv"), "US")).Result;

        Assert.Equal((25L, 24, 24L, 1L, 1), (result.Rows, result.NewVideos, result.NewSnapshots, result.Differing, result.NewCharts));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM video_snapshots WHERE video_id = {compacted}"));
        Assert.Equal(
            new object?[] { 700000L, 50000L, 15000L },
            Assert.Single(await _database.RowsAsync($"SELECT * FROM video_point({compacted}, '2017-11-14T00:00:00Z')")));
        // The imported chart lists the video all the same, at its place in the file.
        var chart = Assert.Single(await ChartsAsync("US"));
        Assert.Equal("2kyS6SvSYSE", ((string[])chart[1]!)[0]);
    }

    [Fact]
    public async Task A_video_two_countries_list_on_the_same_day_keeps_the_first_imported_counts_and_the_other_are_counted_as_differing()
    {
        var usPath = SharedDatasets.File("US_youtube_trending_data.csv");
        var gbPath = SharedDatasets.File("GB_youtube_trending_data.csv");
        var usRows = DatasetRow.ReadAll(usPath).ToDictionary(row => (row.VideoId, row.Day));
        var gbRows = DatasetRow.ReadAll(gbPath).ToDictionary(row => (row.VideoId, row.Day));
        var shared = usRows.Keys.Where(gbRows.ContainsKey).ToList();
        Assert.Equal(407, shared.Count);
        Assert.Equal(136, shared.Count(key => (usRows[key].Views, usRows[key].Likes, usRows[key].Comments) != (gbRows[key].Views, gbRows[key].Likes, gbRows[key].Comments)));

        var us = await ImportFileAsync(usPath, "US");
        var gb = await ImportFileAsync(gbPath, "GB");

        Assert.Equal((872L, 872L, 0L), (us.Result.Rows, us.Result.NewSnapshots, us.Result.Differing));
        Assert.Equal((852L, 852L - 407, 136L), (gb.Result.Rows, gb.Result.NewSnapshots, gb.Result.Differing));
        Assert.Equal(2646, Assert.Single(us.AllSkipped).Line);
        Assert.Equal(2890, Assert.Single(gb.AllSkipped).Line);
        Assert.Equal(872 + 852 - 407, await CountAsync("SELECT count(*) FROM video_snapshots"));

        var stored = (await _database.RowsAsync("""
                SELECT v.youtube_id, s.bucket, s.views, s.likes, s.comments FROM video_snapshots s JOIN videos v ON v.id = s.video_id
                """))
            .ToDictionary(s => ((string)s[0]!, Utc(s[1])), s => ((long)s[2]!, (long?)s[3], (long?)s[4]));
        Assert.All(shared, key => Assert.Equal((usRows[key].Views, usRows[key].Likes, usRows[key].Comments), stored[key]));
        Assert.All(gbRows.Keys.Except(shared), key => Assert.Equal((gbRows[key].Views, gbRows[key].Likes, gbRows[key].Comments), stored[key]));

        // Each country's charts are its own, a video on both listed in both.
        Assert.Equal(
            [new object?[] { "GB", 852L }, new object?[] { "US", 872L }],
            await _database.RowsAsync("SELECT region_code, sum(cardinality(video_ids)) FROM trending_charts GROUP BY region_code ORDER BY region_code"));
    }

    [Fact]
    public async Task The_import_script_imports_a_file_prints_what_it_stored_and_stores_nothing_the_second_time()
    {
        var file = SharedDatasets.File("USvideos-2017-11-sample.csv");

        var (exitCode, output) = await ImportScript.RunAsync(ScriptEnvironment(), ScriptTimeout, file);

        Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains($"Database={_database.Name}", output);
        Assert.Contains($"Importing {file}...", output);
        Assert.Contains("USvideos-2017-11-sample.csv (Classic2017 layout) into US: 25 rows, 25 videos, 1 days", output);
        Assert.Contains("stored: 25 new snapshots, 25 new videos, 1 new daily charts", output);
        Assert.Contains("Imported 1 file(s): 25 rows, 25 new snapshots, 25 new videos, 1 days, 1 region(s), 0 rows skipped.", output);
        Assert.Contains("Dislikes are not stored (25 rows carried them", output);
        Assert.Equal(25, await CountAsync("SELECT count(*) FROM video_snapshots"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM collection_runs WHERE region_code = 'US' AND status = 'imported'"));

        (exitCode, output) = await ImportScript.RunAsync(ScriptEnvironment(), ScriptTimeout, file);

        Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("stored: 0 new snapshots, 0 new videos, 0 new daily charts", output);
        Assert.Contains("Imported 1 file(s): 25 rows, 0 new snapshots, 0 new videos", output);
        Assert.Equal(25, await CountAsync("SELECT count(*) FROM video_snapshots"));
    }

    [Fact]
    public async Task The_import_script_asks_for_a_region_when_the_file_name_has_none_and_imports_into_the_one_given()
    {
        var file = Path.Combine(TemporaryFolder(), "sample.csv");
        File.Copy(SharedDatasets.File("USvideos-2017-11-sample.csv"), file);

        var (exitCode, output) = await ImportScript.RunAsync(ScriptEnvironment(), ScriptTimeout, file);

        Assert.True(exitCode == 2, $"exit code {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("the file name does not start with a region code (e.g. USvideos.csv); give one with --region CC", OneLine(output));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM regions"));

        (exitCode, output) = await ImportScript.RunAsync(ScriptEnvironment(), ScriptTimeout, "--region", "CA", file);

        Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("sample.csv (Classic2017 layout) into CA: 25 rows", output);
        Assert.Equal(new object?[] { "CA", "Canada", null }, Assert.Single(await _database.RowsAsync("SELECT code::text, name, fetched_at FROM regions")));
        Assert.Equal(
            new object?[] { "CA", Nov14.UtcDateTime, 25 },
            Assert.Single(await _database.RowsAsync("SELECT region_code, bucket, cardinality(video_ids) FROM trending_charts")));
        Assert.Equal(25, await CountAsync("SELECT count(*) FROM video_chart_regions WHERE region_code = 'CA'"));
    }

    private async Task<FileReport> ImportFileAsync(string path, string region, DateTimeOffset? importedAt = null) =>
        await new TrendingFileImporter(_store, new FixedClock(importedAt ?? ImportedAt)).ImportAsync(path, region, progress: null, CancellationToken.None);

    private static List<ImportedRow> ReadRows(string path)
    {
        using var reader = TrendingCsvReader.Open(File.OpenRead(path));
        var rows = reader.ReadRows().ToList();
        Assert.Empty(reader.Skipped);
        return rows;
    }

    // The database the script is to use (so it starts no PostgreSQL of its own) and a state folder outside the repository.
    private Dictionary<string, string> ScriptEnvironment() => new()
    {
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["TRENDVAULT_LOCAL_DIR"] = TemporaryFolder(),
    };

    private string TemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tv-import-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        _temporary.Add(path);
        return path;
    }

    private string WriteTemporaryFile(string name, params string[] lines)
    {
        var path = Path.Combine(TemporaryFolder(), name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private static string ClassicRow(string id, string trendingDate, string title, string views) =>
        $"{id},{trendingDate},{title},A channel,22,2017-11-13T17:13:01.000Z,\"\"\"a\"\"|\"\"b\"\"\",{views},5,1,2,https://i.ytimg.com/vi/{id}/default.jpg,False,False,False,plain";

    private async Task<int> AddVideoAsync(string youTubeId, DateTimeOffset firstSeen) =>
        await _database.ScalarAsync<int>(
            "INSERT INTO videos (youtube_id, title, channel_id, channel_title, first_seen_at) VALUES ($1, 't', 'c', 'c', $2) RETURNING id",
            youTubeId, firstSeen.UtcDateTime);

    // Each chart of the region in bucket order: its bucket and its videos' YouTube ids by rank.
    private Task<List<object?[]>> ChartsAsync(string region) => _database.RowsAsync("""
        SELECT c.bucket, ARRAY(SELECT v.youtube_id FROM unnest(c.video_ids) WITH ORDINALITY AS u(id, rank) JOIN videos v ON v.id = u.id ORDER BY u.rank)
        FROM trending_charts c WHERE c.region_code = $1 ORDER BY c.bucket
        """, region);

    private async Task<Dictionary<string, long>> TableCountsAsync()
    {
        string[] tables = ["regions", "videos", "video_snapshots", "video_sightings", "trending_charts", "video_chart_regions", "collection_runs"];
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await CountAsync($"SELECT count(*) FROM {table}");
        }
        return counts;
    }

    private Task<long> CountAsync(string sql) => _database.ScalarAsync<long>(sql);

    private static DateTimeOffset Utc(object? timestamp) => new((DateTime)timestamp!);

    // Messages written by the console may be wrapped to its width.
    private static string OneLine(string text) => string.Join(' ', text.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
