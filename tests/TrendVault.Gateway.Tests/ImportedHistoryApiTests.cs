using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using TrendVault.Gateway.Contracts;
using TrendVault.Grains;
using TrendVault.Testing;

namespace TrendVault.Gateway.Tests;

/// <summary>Imported history appears everywhere collected data does: boards, series, gaps, top gainers, exports.</summary>
public sealed class ImportedHistoryApiTests(ImportedHistoryFixture fixture) : IClassFixture<ImportedHistoryFixture>
{
    /// <summary>What the database should hold per (video, day): the first imported file's row wins, as in ImportSql.</summary>
    private static readonly Dictionary<(string VideoId, DateTimeOffset Day), DatasetRow> Stored = StoredRows();

    [Theory]
    [InlineData(ImportedHistoryFixture.Us2017)]
    [InlineData(ImportedHistoryFixture.Gb2017)]
    [InlineData(ImportedHistoryFixture.Us2020)]
    [InlineData(ImportedHistoryFixture.Gb2020)]
    public async Task Exporting_an_imported_file_range_gives_back_the_files_rows_in_file_order(string file)
    {
        var expected = Deduplicated(DatasetRow.ReadAll(SharedDatasets.File(file)));
        var region = file[..2];
        using var http = fixture.CreateClient();

        var exported = new List<(string VideoId, DateTimeOffset Day, string Title, long Views, long? Likes, long? Comments, int Rank)>();
        foreach (var day in expected.Select(r => r.Day).Distinct())
        {
            var response = await http.GetAsync($"/api/export/trending.csv?region={region}&from={day:yyyy-MM-dd'T'HH':'mm':'ss'Z'}&to={day.AddHours(23):yyyy-MM-dd'T'HH':'mm':'ss'Z'}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
            await csv.ReadAsync();
            csv.ReadHeader();
            while (await csv.ReadAsync())
            {
                exported.Add((csv.GetField("video_id")!, DateTimeOffset.Parse(csv.GetField("trending_date")!, CultureInfo.InvariantCulture), csv.GetField("title")!,
                    long.Parse(csv.GetField("views")!, CultureInfo.InvariantCulture), Count(csv.GetField("likes")), Count(csv.GetField("comment_count")),
                    int.Parse(csv.GetField("rank")!, CultureInfo.InvariantCulture)));
            }
        }

        Assert.Equal(expected.Count, exported.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = expected[i];
            var stored = Stored[(row.VideoId, row.Day)];
            var rank = expected.Take(i).Count(r => r.Day == row.Day) + 1;
            Assert.Equal((row.VideoId, row.Day, rank), (exported[i].VideoId, exported[i].Day, exported[i].Rank));
            // A video two countries' files list on the same day keeps the counts of the file imported first.
            Assert.Equal((stored.Views, stored.Likes, stored.Comments), (exported[i].Views, exported[i].Likes, exported[i].Comments));
        }
        Assert.Equal(fixture.Imports[file].Result.Differing, expected.Count(r => Counts(Stored[(r.VideoId, r.Day)]) != Counts(r)));
    }

    [Fact]
    public async Task A_board_at_an_imported_day_is_that_days_chart_in_file_order_marked_imported()
    {
        var rows = DatasetRow.ReadAll(SharedDatasets.File(ImportedHistoryFixture.Us2017));
        using var http = fixture.CreateClient();

        var board = await http.GetFromJsonAsync<TrendingBoard>("/api/regions/US/trending?at=2017-11-14T18:00:00Z");

        Assert.True(board!.Imported);
        Assert.Equal(new DateTimeOffset(2017, 11, 14, 0, 0, 0, TimeSpan.Zero), board.CapturedAt);
        Assert.Equal(rows.Select(r => r.VideoId), board.Items.Select(i => i.VideoId));
        Assert.Equal(Enumerable.Range(1, rows.Count), board.Items.Select(i => i.Rank));
        Assert.Equal(rows.Select(r => (r.Title, r.Views, r.Likes, r.Comments)), board.Items.Select(i => (i.Title, i.Views ?? -1, i.Likes, i.Comments)));
    }

    [Fact]
    public async Task A_videos_daily_series_holds_each_day_the_files_list_it()
    {
        var rows = DatasetRow.ReadAll(SharedDatasets.File(ImportedHistoryFixture.Gb2017));
        var video = rows.GroupBy(r => r.VideoId).MaxBy(g => g.Select(r => r.Day).Distinct().Count())!;
        using var http = fixture.CreateClient();

        var points = await http.GetFromJsonAsync<List<SnapshotPoint>>($"/api/videos/{video.Key}/snapshots?interval=day&from=2017-01-01T00:00:00Z&to=2018-01-01T00:00:00Z");

        var expected = Stored.Where(p => p.Key.VideoId == video.Key && p.Key.Day.Year == 2017).OrderBy(p => p.Key.Day)
            .Select(p => (p.Key.Day, p.Value.Views, p.Value.Likes, p.Value.Comments));
        Assert.True(video.Select(r => r.Day).Distinct().Count() > 5);
        Assert.Equal(expected, points!.Select(p => (p.CapturedAt, p.Views, p.Likes, p.Comments)));
    }

    [Fact]
    public async Task Imported_days_are_no_gaps_at_daily_resolution_but_their_other_hours_are()
    {
        var days = DatasetRow.ReadAll(SharedDatasets.File(ImportedHistoryFixture.Gb2017)).Select(r => r.Day).Distinct().Order().ToList();
        using var http = fixture.CreateClient();

        var daily = await http.GetFromJsonAsync<GapReport>($"/api/regions/GB/gaps?interval=day&from={days[0]:yyyy-MM-dd}T00:00:00Z&to={days[^1]:yyyy-MM-dd}T00:00:00Z");
        var hourly = await http.GetFromJsonAsync<GapReport>($"/api/regions/GB/gaps?from={days[0]:yyyy-MM-dd}T00:00:00Z&to={days[0]:yyyy-MM-dd}T23:00:00Z");

        Assert.Equal(days.Count, daily!.Buckets);
        Assert.Equal(days.Count, (days[^1] - days[0]).Days + 1);
        Assert.Empty(daily.Gaps);
        Assert.Equal(Enumerable.Range(1, 23).Select(h => days[0].AddHours(h)), hourly!.Gaps.Select(g => g.Bucket));
        Assert.All(hourly.Gaps, gap => Assert.Equal("missing", gap.Status));
    }

    [Fact]
    public async Task Top_gainers_of_an_imported_region_are_computed_over_its_imported_days()
    {
        var gbCharted = DatasetRow.ReadAll(SharedDatasets.File(ImportedHistoryFixture.Gb2020));
        var end = gbCharted.Max(r => r.Day);
        var start = end.AddDays(-3);
        var expected = gbCharted.Where(r => r.Day >= start).Select(r => r.VideoId).Distinct()
            .Select(id => Stored.Where(p => p.Key.VideoId == id && p.Key.Day >= start && p.Key.Day <= end).OrderBy(p => p.Key.Day).Select(p => p.Value.Views).ToList())
            .Select(views => views[^1] - views[0])
            .OrderDescending().Take(10);
        using var http = fixture.CreateClient();

        var top = await http.GetFromJsonAsync<List<TopGainer>>("/api/stats/top?region=GB&window=3d&limit=10");

        Assert.NotNull(top);
        Assert.Equal(expected, top.Select(t => t.Gained));
        Assert.True(top[0].Gained > 1_000_000);
    }

    [Fact]
    public async Task A_live_collection_after_an_import_merges_and_an_import_after_it_adds_only_the_days_not_collected()
    {
        using var http = fixture.CreateClient();
        var collected = await fixture.Grains.GetGrain<IRegionGrain>("US").CollectNowAsync();
        var live = await http.GetFromJsonAsync<TrendingBoard>("/api/regions/US/trending");
        var liveVideo = live!.Items[0];
        var pastDay = new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);
        var file = Path.Combine(Path.GetTempPath(), $"US-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "video_id,trending_date,title,channel_title,category_id,publish_time,tags,views,likes,dislikes,comment_count,thumbnail_link,comments_disabled,ratings_disabled,video_error_or_removed,description\n" +
            $"{liveVideo.VideoId},26.20.02,An older title,Old channel,10,2026-02-01T00:00:00.000Z,[none],1234,56,0,7,,False,False,False,\n" +
            // The collected day: its hourly points and chart stay as collected.
            $"{liveVideo.VideoId},26.02.03,An older title,Old channel,10,2026-02-01T00:00:00.000Z,[none],999,56,0,7,,False,False,False,\n");
        try
        {
            var import = await fixture.Importer.ImportAsync(file, "US", progress: null, CancellationToken.None);
            var video = await http.GetFromJsonAsync<VideoDetail>($"/api/videos/{liveVideo.VideoId}");
            var points = await http.GetFromJsonAsync<List<SnapshotPoint>>($"/api/videos/{liveVideo.VideoId}/snapshots");
            var past = await http.GetFromJsonAsync<TrendingBoard>("/api/regions/US/trending?at=2026-02-20T12:00:00Z");
            var imported = await http.GetFromJsonAsync<TrendingBoard>("/api/regions/US/trending?at=2020-08-14T12:00:00Z");

            Assert.True(collected.Videos > 0);
            Assert.False(live.Imported);
            Assert.Equal((1L, 1L, 0, 1L, 2), (import.Result.NewSnapshots, import.Result.Differing, import.Result.NewVideos, (long)import.Result.NewCharts, import.Result.Days));
            Assert.Equal(liveVideo.Title, video!.Title);
            Assert.Equal([(pastDay, 1234L), (live.CapturedAt!.Value, liveVideo.Views!.Value)], points!.Select(p => (p.CapturedAt, p.Views)));
            Assert.True(past!.Imported);
            Assert.True(imported!.Imported);
            Assert.Equal(Deduplicated(DatasetRow.ReadAll(SharedDatasets.File(ImportedHistoryFixture.Us2020))).Count(r => r.Day.Day == 14), imported.Items.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (long, long?, long?) Counts(DatasetRow row) => (row.Views, row.Likes, row.Comments);

    private static long? Count(string? value) => string.IsNullOrEmpty(value) ? null : long.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>A file's rows without a video's repeated rows of one day: the first is its row.</summary>
    private static List<DatasetRow> Deduplicated(IReadOnlyList<DatasetRow> rows) => rows.DistinctBy(r => (r.VideoId, r.Day)).ToList();

    private static Dictionary<(string, DateTimeOffset), DatasetRow> StoredRows()
    {
        var stored = new Dictionary<(string, DateTimeOffset), DatasetRow>();
        foreach (var file in ImportedHistoryFixture.Files)
        {
            foreach (var row in DatasetRow.ReadAll(SharedDatasets.File(file)))
            {
                stored.TryAdd((row.VideoId, row.Day), row);
            }
        }
        return stored;
    }
}
