using System.Net;
using System.Net.Http.Json;
using TrendVault.Gateway.Contracts;
using TrendVault.Model;

namespace TrendVault.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class QueryApiTests(GatewayFixture fixture)
{
    private readonly HttpClient _http = fixture.CreateClient();

    [Fact]
    public async Task The_trending_board_lists_the_latest_bucket_in_chart_order_with_its_counts()
    {
        var board = await _http.GetFromJsonAsync<TrendingBoard>("/api/regions/us/trending");

        Assert.Equal(("US", GatewayFixture.SecondBucket), (board!.Region, board.CapturedAt));
        Assert.Equal(Enumerable.Range(1, 200), board.Items.Select(i => i.Rank));
        Assert.Equal(fixture.YouTube.Catalog.ChartFor("US"), board.Items.Select(i => i.VideoId));
        foreach (var item in board.Items)
        {
            var expected = fixture.YouTube.Catalog.StatisticsAt(item.VideoId, GatewayFixture.SecondCapture);
            Assert.Equal((expected.Views, expected.Likes, expected.Comments), (item.Views!.Value, item.Likes, item.Comments));
            Assert.Equal(fixture.YouTube.Catalog.Video(item.VideoId)!.Title, item.Title);
        }
    }

    [Fact]
    public async Task The_trending_board_at_a_past_time_shows_the_bucket_collected_then()
    {
        var at = Uri.EscapeDataString(GatewayFixture.FirstBucket.AddMinutes(30).ToString("o"));

        var board = await _http.GetFromJsonAsync<TrendingBoard>($"/api/regions/US/trending?at={at}");

        Assert.Equal(GatewayFixture.FirstBucket, board!.CapturedAt);
        var first = board.Items[0];
        Assert.Equal(fixture.YouTube.Catalog.StatisticsAt(first.VideoId, GatewayFixture.FirstCapture).Views, first.Views);
    }

    [Fact]
    public async Task A_board_before_any_collection_is_empty()
    {
        var board = await _http.GetFromJsonAsync<TrendingBoard>("/api/regions/US/trending?at=2020-01-01T00:00:00Z");

        Assert.Null(board!.CapturedAt);
        Assert.Empty(board.Items);
    }

    [Fact]
    public async Task A_video_series_has_one_point_per_bucket_with_the_collected_counts()
    {
        var id = fixture.YouTube.Catalog.ChartFor("US")[0];

        var series = await _http.GetFromJsonAsync<List<SnapshotPoint>>($"/api/videos/{id}/snapshots");

        var first = fixture.YouTube.Catalog.StatisticsAt(id, GatewayFixture.FirstCapture);
        var second = fixture.YouTube.Catalog.StatisticsAt(id, GatewayFixture.SecondCapture);
        Assert.Equal(
            [new SnapshotPoint(GatewayFixture.FirstBucket, first.Views, first.Likes, first.Comments),
             new SnapshotPoint(GatewayFixture.SecondBucket, second.Views, second.Likes, second.Comments)],
            series);
    }

    [Fact]
    public async Task A_daily_series_keeps_the_last_snapshot_of_each_day()
    {
        var id = fixture.YouTube.Catalog.ChartFor("US")[0];

        var series = await _http.GetFromJsonAsync<List<SnapshotPoint>>($"/api/videos/{id}/snapshots?interval=day");

        Assert.Equal(GatewayFixture.SecondBucket, Assert.Single(series!).CapturedAt);
    }

    [Fact]
    public async Task A_series_range_excludes_snapshots_outside_it()
    {
        var id = fixture.YouTube.Catalog.ChartFor("US")[0];
        var to = Uri.EscapeDataString(GatewayFixture.FirstBucket.ToString("o"));

        var series = await _http.GetFromJsonAsync<List<SnapshotPoint>>($"/api/videos/{id}/snapshots?to={to}");

        Assert.Equal(GatewayFixture.FirstBucket, Assert.Single(series!).CapturedAt);
    }

    [Fact]
    public async Task Top_gainers_are_the_largest_differences_over_the_window()
    {
        var expected = fixture.YouTube.Catalog.ChartFor("US")
            .Select(id => (Id: id,
                From: fixture.YouTube.Catalog.StatisticsAt(id, GatewayFixture.FirstCapture).Views,
                To: fixture.YouTube.Catalog.StatisticsAt(id, GatewayFixture.SecondCapture).Views))
            .OrderByDescending(v => v.To - v.From).ThenBy(v => v.Id, StringComparer.Ordinal)
            .Take(5)
            .ToList();

        var top = await _http.GetFromJsonAsync<List<TopGainer>>("/api/stats/top?region=US&metric=views&window=24h&limit=5");

        Assert.Equal(expected.Select(e => (e.Id, e.To - e.From, e.From, e.To)), top!.Select(t => (t.VideoId, t.Gained, t.FromValue, t.ToValue)));
    }

    [Fact]
    public async Task Top_gainers_of_every_region_rank_the_videos_of_every_chart_in_the_window()
    {
        // US was collected at both buckets, GB at the second only: a video on GB's chart alone gained nothing yet.
        var catalog = fixture.YouTube.Catalog;
        var usChart = catalog.ChartFor("US").ToHashSet();
        var expected = usChart.Union(catalog.ChartFor("GB"))
            .Select(id => (Id: id,
                From: (usChart.Contains(id) ? catalog.StatisticsAt(id, GatewayFixture.FirstCapture) : catalog.StatisticsAt(id, GatewayFixture.SecondCapture)).Views,
                To: catalog.StatisticsAt(id, GatewayFixture.SecondCapture).Views))
            .OrderByDescending(v => v.To - v.From).ThenBy(v => v.Id, StringComparer.Ordinal)
            .Take(8)
            .ToList();

        var top = await _http.GetFromJsonAsync<List<TopGainer>>("/api/stats/top?metric=views&window=24h&limit=8");

        Assert.Equal(expected.Select(e => (e.Id, e.To - e.From, e.From, e.To)), top!.Select(t => (t.VideoId, t.Gained, t.FromValue, t.ToValue)));
    }

    [Fact]
    public async Task A_window_that_starts_after_a_videos_first_snapshot_measures_from_the_first_one_inside_it()
    {
        // The window's 30 minutes end at the second bucket and hold only its snapshots: nothing gained.
        var expected = fixture.YouTube.Catalog.ChartFor("US")
            .Select(id => (Id: id, Views: fixture.YouTube.Catalog.StatisticsAt(id, GatewayFixture.SecondCapture).Views))
            .OrderBy(v => v.Id, StringComparer.Ordinal)
            .Take(5)
            .ToList();

        var top = await _http.GetFromJsonAsync<List<TopGainer>>("/api/stats/top?region=US&metric=views&window=30m&limit=5");

        Assert.Equal(expected.Select(e => (e.Id, 0L, e.Views, e.Views)), top!.Select(t => (t.VideoId, t.Gained, t.FromValue, t.ToValue)));
    }

    [Fact]
    public async Task A_top_list_is_served_from_the_gateway_cache_for_a_minute()
    {
        // A query no other test asks, so the first request is the cache's first.
        const string Url = "/api/stats/top?region=GB&metric=comments&window=36h&limit=7";

        var first = await _http.GetAsync(Url);
        var second = await _http.GetAsync(Url);

        Assert.Equal(TimeSpan.FromMinutes(1), first.Headers.CacheControl?.MaxAge);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_video_shows_its_latest_counts_and_best_rank_per_region()
    {
        var id = fixture.YouTube.Catalog.ChartFor("US")[3];

        var video = await _http.GetFromJsonAsync<VideoDetail>($"/api/videos/{id}");

        var latest = fixture.YouTube.Catalog.StatisticsAt(id, GatewayFixture.SecondCapture);
        Assert.Equal(new SnapshotPoint(GatewayFixture.SecondBucket, latest.Views, latest.Likes, latest.Comments), video!.Latest);
        Assert.Contains(new VideoRegionRank("US", 4, GatewayFixture.SecondBucket), video.Regions);
        Assert.Equal(fixture.YouTube.Catalog.Video(id)!.Description, video.Description ?? string.Empty);
    }

    [Fact]
    public async Task The_video_list_filters_by_region_and_pages_through_every_video_once()
    {
        var first = await _http.GetFromJsonAsync<VideoPage>("/api/videos?region=US&pageSize=100&page=1&sort=title");
        var second = await _http.GetFromJsonAsync<VideoPage>("/api/videos?region=US&pageSize=100&page=2&sort=title");

        Assert.Equal((2, 100, 200L), (second!.Page, second.PageSize, second.Total));
        Assert.Equal(
            fixture.YouTube.Catalog.ChartFor("US").Order(StringComparer.Ordinal),
            first!.Items.Concat(second.Items).Select(i => i.VideoId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_video_list_sorted_by_views_is_in_descending_order()
    {
        var page = await _http.GetFromJsonAsync<VideoPage>("/api/videos?sort=views&pageSize=50");

        Assert.Equal(page!.Items.Select(i => i.Views).OrderDescending(), page.Items.Select(i => i.Views));
    }

    [Fact]
    public async Task Search_text_is_matched_literally_not_as_sql()
    {
        var response = await _http.GetAsync("/api/videos?q=" + Uri.EscapeDataString("' OR 1=1; DROP TABLE videos; --%_"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<VideoPage>())!.Total);
        Assert.True(await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM videos") > 0);
    }

    [Fact]
    public async Task Regions_list_the_catalog_with_flags_that_can_be_fetched()
    {
        var regions = await _http.GetFromJsonAsync<List<RegionSummary>>("/api/regions");

        Assert.Equal(fixture.YouTube.Catalog.Regions.Count, regions!.Count);
        var us = Assert.Single(regions, r => r.Code == "US");
        Assert.Equal(("/static/flags/us.svg", GatewayFixture.SecondBucket), (us.FlagUrl, us.LastCollectedAt));
        var flag = await _http.GetAsync(us.FlagUrl);
        Assert.Equal(HttpStatusCode.OK, flag.StatusCode);
        Assert.StartsWith("<svg", await flag.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_region_shows_its_last_run()
    {
        var region = await _http.GetFromJsonAsync<RegionDetail>("/api/regions/GB");

        Assert.Equal(new RunStatus(GatewayFixture.SecondBucket, "collected", null, 200, 0, 0), region!.Status);
    }

    [Fact]
    public async Task Categories_of_a_region_are_listed()
    {
        var categories = await _http.GetFromJsonAsync<List<CategoryItem>>("/api/regions/US/categories");

        Assert.Equal(fixture.YouTube.Catalog.CategoriesFor("US").Select(c => int.Parse(c.Id)).Order(), categories!.Select(c => c.Id));
    }

    [Fact]
    public async Task Status_shows_the_silo_the_runs_and_the_fake_data_source()
    {
        var status = await _http.GetFromJsonAsync<ClusterStatus>("/api/status");

        Assert.Single(status!.Silos);
        Assert.Equal(new DatabaseInfo(Reachable: true, Error: null), status.Database);
        Assert.Equal("fake", status.DataSource);
        Assert.Contains(status.LastRuns!, r => r.Region == "GB" && r.Status == "succeeded" && r.Videos == 200);
        Assert.Equal(new RetentionInfo(null, GatewayFixture.FirstBucket), status.Retention);
    }

    [Fact]
    public async Task The_gateway_serves_its_metrics_in_the_prometheus_text_format()
    {
        await _http.GetStringAsync("/api/regions");

        var response = await _http.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("http_server_request_duration_seconds_count{", body);
        var requests = body.Split('\n').Where(line => line.StartsWith("http_server_request_duration_seconds_count", StringComparison.Ordinal)).ToList();
        Assert.True(requests.Any(line => line.Contains("http_route=\"/api/regions/\"", StringComparison.Ordinal)), string.Join('\n', requests));
        Assert.Contains("db_client_", body);
    }

    [Fact]
    public async Task Gaps_list_the_buckets_without_a_successful_collection_and_why()
    {
        var from = Uri.EscapeDataString(GatewayFixture.FirstBucket.AddHours(-2).ToString("o"));
        var to = Uri.EscapeDataString(GatewayFixture.SecondBucket.ToString("o"));

        var report = await _http.GetFromJsonAsync<GapReport>($"/api/regions/US/gaps?from={from}&to={to}");

        Assert.Equal(4, report!.Buckets);
        Assert.Equal(
            [GatewayFixture.FirstBucket.AddHours(-2), GatewayFixture.FirstBucket.AddHours(-1)],
            report.Gaps.Select(g => g.Bucket));
        Assert.All(report.Gaps, g => Assert.Equal("missing", g.Status));
    }

    [Fact]
    public async Task Status_shows_what_the_silo_holds_for_the_database_as_its_spool_reports_it()
    {
        // The silo posts its spool's contents at start and every report period after.
        var deadline = DateTimeOffset.UtcNow + SpoolReport.Period * 3;
        var status = await _http.GetFromJsonAsync<ClusterStatus>("/api/status");
        while (status!.Silos[0].Held is null && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = await _http.GetFromJsonAsync<ClusterStatus>("/api/status");
        }

        Assert.Equal(new HeldInfo(0, 0), status.Silos[0].Held);
        Assert.Equal(new HeldInfo(0, 0), status.Held);
    }

    [Fact]
    public async Task Status_shows_the_quota_of_the_pacific_day_and_the_tracked_videos()
    {
        var status = await _http.GetFromJsonAsync<ClusterStatus>("/api/status");

        var quota = status!.Quota!;
        Assert.Equal(10_000, quota.DailyUnits);
        Assert.True(quota.UnitsUsed >= 12, $"three collections of 4 pages plus the catalog, got {quota.UnitsUsed}");
        Assert.Equal(quota.DailyUnits - quota.UnitsUsed, quota.UnitsRemaining);
        Assert.True(status.Tracking!.OnChart >= 200);
    }

    [Fact]
    public async Task Status_counts_each_video_of_the_latest_charts_once_and_a_gone_one_only_as_gone()
    {
        var charted = fixture.YouTube.Catalog.ChartFor("US").Union(fixture.YouTube.Catalog.ChartFor("GB")).Count();
        var goneId = fixture.YouTube.Catalog.ChartFor("US")[0];

        var before = (await _http.GetFromJsonAsync<ClusterStatus>("/api/status"))!.Tracking!;
        await fixture.Database.ScalarAsync<int>("UPDATE videos SET gone_at = now() WHERE youtube_id = $1 RETURNING 1", goneId);
        try
        {
            var after = (await _http.GetFromJsonAsync<ClusterStatus>("/api/status"))!.Tracking!;

            Assert.Equal((charted, 0L, 0L), (before.OnChart, before.Tracked, before.Gone));
            Assert.Equal((charted - 1, 0L, 1L), (after.OnChart, after.Tracked, after.Gone));
        }
        finally
        {
            await fixture.Database.ScalarAsync<int>("UPDATE videos SET gone_at = NULL WHERE youtube_id = $1 RETURNING 1", goneId);
        }
    }

    [Fact]
    public async Task A_video_on_the_latest_chart_reads_as_on_chart()
    {
        var id = fixture.YouTube.Catalog.ChartFor("US")[0];

        var video = await _http.GetFromJsonAsync<VideoDetail>($"/api/videos/{id}");

        Assert.Equal(("onChart", (DateTimeOffset?)null), (video!.Status, video.GoneAt));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var document = await _http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/regions/{code}/trending", document);
        Assert.Contains("/api/export/trending.csv", document);
    }

    [Theory]
    [InlineData("/api/videos/{videoId}", "VideoDetail")]
    [InlineData("/api/regions/{code}/trending", "TrendingBoard")]
    public async Task The_openapi_document_gives_cached_answers_their_schema_and_304(string path, string schema)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync("/openapi/v1.json"));

        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses");
        Assert.EndsWith(schema, responses.GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(responses.TryGetProperty("304", out _));
    }
}
