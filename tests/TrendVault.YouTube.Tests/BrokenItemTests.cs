using TrendVault.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using TrendVault.FakeYouTube;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.YouTube.Tests;

/// <summary>
/// One broken video never costs the rest of its chart: the fake API serves a broken item at a chart
/// position and the real client, over HTTP, keeps every other video with its API position as rank.
/// </summary>
public sealed class BrokenItemTests : IAsyncLifetime
{
    private const string Region = "US";
    private FakeYouTubeServer _server = null!;
    private TestMeters _meters = null!;
    private YouTubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeYouTubeServer.StartAsync();
        _meters = new TestMeters();
        var options = new YouTubeOptions { ApiKey = "test-key", BaseUrl = _server.BaseUrl.ToString(), MaxRetries = 0 };
        _client = new YouTubeClient(YouTubeServiceFactory.Create(options), Options.Create(options), new BrokenItemMetrics(_meters), new YouTubeCallMetrics(_meters), NullLogger<YouTubeClient>.Instance);
    }

    [Fact]
    public async Task The_fake_api_sends_a_lone_surrogate_as_the_raw_json_escape()
    {
        _server.BrokenItems.Set(Region, 3, FakeBrokenItemKind.LoneSurrogate);
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(_server.BaseUrl, $"videos?part=snippet&chart=mostPopular&regionCode={Region}&maxResults=5&key=k"));

        Assert.Equal(2, body.Split("\\ud83d").Length - 1);
    }

    [Fact]
    public async Task A_lone_surrogate_in_title_and_description_is_repaired_to_the_replacement_character()
    {
        _server.BrokenItems.Set(Region, 3, FakeBrokenItemKind.LoneSurrogate);
        var original = _server.Catalog.Video(_server.Catalog.ChartFor(Region)[2])!;

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        var repaired = chart.Entries.Single(e => e.Rank == 3).Video.Metadata;
        Assert.Equal(original.Title + " \uFFFD", repaired.Title);
        Assert.Equal("\uFFFD" + original.Description, repaired.Description);
        Assert.Equal(50, chart.Entries.Count);
        AssertBroken(chart, repaired: 1, skipped: 0, ("invalidText", 1));
        Assert.Equal(1, _meters.Sum("trendvault.videos.repaired", "reason", "invalidText"));
    }

    [Fact]
    public async Task A_like_and_comment_count_beyond_64_bits_become_null_and_the_views_stay()
    {
        _server.BrokenItems.Set(Region, 7, FakeBrokenItemKind.CountOverflow);

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        var statistics = chart.Entries.Single(e => e.Rank == 7).Video.Statistics;
        Assert.Equal((null, null), (statistics.Likes, statistics.Comments));
        Assert.NotNull(statistics.Views);
        Assert.Equal(50, chart.Entries.Count);
        AssertBroken(chart, repaired: 1, skipped: 0, ("unstorableCount", 1));
        Assert.Equal(1, _meters.Sum("trendvault.videos.repaired", "reason", "unstorableCount"));
    }

    [Fact]
    public async Task A_view_count_beyond_64_bits_becomes_null_and_the_video_keeps_its_rank()
    {
        _server.BrokenItems.Set(Region, 1, FakeBrokenItemKind.ViewCountOverflow);

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        var first = chart.Entries[0];
        Assert.Equal((1, (long?)null), (first.Rank, first.Video.Statistics.Views));
        Assert.Equal(_server.Catalog.ChartFor(Region)[0], first.Video.Metadata.YouTubeId);
        AssertBroken(chart, repaired: 1, skipped: 0, ("unstorableCount", 1));
    }

    [Fact]
    public async Task A_video_without_statistics_is_kept_with_null_counts()
    {
        _server.BrokenItems.Set(Region, 10, FakeBrokenItemKind.NoStatistics);

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        var video = chart.Entries.Single(e => e.Rank == 10).Video;
        Assert.Equal(new Model.VideoStatistics(null, null, null), video.Statistics);
        Assert.Equal(_server.Catalog.ChartFor(Region)[9], video.Metadata.YouTubeId);
        AssertBroken(chart, repaired: 1, skipped: 0, ("missingStatistics", 1));
        Assert.Equal(1, _meters.Sum("trendvault.videos.repaired", "reason", "missingStatistics"));
    }

    [Fact]
    public async Task An_item_without_snippet_is_skipped_and_the_others_keep_their_api_positions()
    {
        _server.BrokenItems.Set(Region, 5, FakeBrokenItemKind.NoSnippet);

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        Assert.Equal(Enumerable.Range(1, 50).Where(rank => rank != 5), chart.Entries.Select(e => e.Rank));
        Assert.Equal(_server.Catalog.ChartFor(Region).Take(50).Where((_, i) => i != 4), chart.Entries.Select(e => e.Video.Metadata.YouTubeId));
        AssertBroken(chart, repaired: 0, skipped: 1, ("missingSnippet", 1));
        Assert.Equal(1, _meters.Sum("trendvault.videos.skipped", "reason", "missingSnippet"));
    }

    [Fact]
    public async Task An_item_with_an_id_that_is_not_a_video_id_is_skipped()
    {
        _server.BrokenItems.Set(Region, 50, FakeBrokenItemKind.InvalidId);

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        Assert.Equal(Enumerable.Range(1, 49), chart.Entries.Select(e => e.Rank));
        AssertBroken(chart, repaired: 0, skipped: 1, ("invalidId", 1));
        Assert.Equal(1, _meters.Sum("trendvault.videos.skipped", "reason", "invalidId"));
    }

    [Fact]
    public async Task Broken_items_on_every_page_cost_only_themselves()
    {
        _server.BrokenItems.Set(Region, 2, FakeBrokenItemKind.LoneSurrogate);
        _server.BrokenItems.Set(Region, 60, FakeBrokenItemKind.CountOverflow);
        _server.BrokenItems.Set(Region, 110, FakeBrokenItemKind.NoStatistics);
        _server.BrokenItems.Set(Region, 151, FakeBrokenItemKind.NoSnippet);
        _server.BrokenItems.Set(Region, 200, FakeBrokenItemKind.InvalidId);

        var chart = await _client.GetMostPopularAsync(Region, maxPages: 4);

        Assert.Equal(Enumerable.Range(1, 200).Where(rank => rank is not 151 and not 200), chart.Entries.Select(e => e.Rank));
        AssertBroken(chart, repaired: 3, skipped: 2,
            ("invalidText", 1), ("unstorableCount", 1), ("missingStatistics", 1), ("missingSnippet", 1), ("invalidId", 1));
        Assert.Equal((3, 2), (_meters.Sum("trendvault.videos.repaired"), _meters.Sum("trendvault.videos.skipped")));
    }

    [Fact]
    public async Task A_clean_chart_reports_nothing_broken()
    {
        var chart = await _client.GetMostPopularAsync(Region, maxPages: 1);

        Assert.Equal((0, 0), (chart.Broken.Repaired, chart.Broken.Skipped));
        Assert.Equal(0, _meters.Sum("trendvault.videos.repaired") + _meters.Sum("trendvault.videos.skipped"));
    }

    [Fact]
    public async Task An_id_lookup_keeps_the_usable_items_of_its_answer()
    {
        _server.BrokenItems.Set(Region, 1, FakeBrokenItemKind.NoStatistics);
        var ids = _server.Catalog.ChartFor(Region).Take(3).ToList();

        var videos = await _client.GetVideosAsync(ids);

        Assert.Equal(ids, videos.Select(v => v.Metadata.YouTubeId));
    }

    // The facts the design rests on, checked against the JSON reader Google.Apis uses.
    [Fact]
    public void Googles_json_reader_turns_an_escaped_lone_surrogate_into_the_replacement_character()
    {
        var text = JsonConvert.DeserializeObject<Dictionary<string, string>>("""{"title":"a\ud83db","low":"\udc00"}""")!;

        Assert.Equal(("a\uFFFDb", "\uFFFD"), (text["title"], text["low"]));
    }

    [Fact]
    public void A_count_beyond_64_bits_read_into_a_number_fails_the_whole_object()
    {
        var exception = Assert.Throws<JsonSerializationException>(() =>
            JsonConvert.DeserializeObject<Dictionary<string, ulong?>>("""{"viewCount":"99999999999999999999"}"""));

        Assert.IsType<OverflowException>(exception.InnerException);
    }

    private static void AssertBroken(MostPopularChart chart, int repaired, int skipped, params (string Reason, int Count)[] reasons)
    {
        Assert.Equal((repaired, skipped), (chart.Broken.Repaired, chart.Broken.Skipped));
        Assert.Equal(reasons.OrderBy(r => r.Reason, StringComparer.Ordinal),
            chart.Broken.Reasons.Select(r => (r.Key, r.Value)).OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        _meters.Dispose();
        await _server.DisposeAsync();
    }
}
