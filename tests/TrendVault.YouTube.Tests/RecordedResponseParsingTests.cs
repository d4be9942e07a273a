using System.Net;
using System.Text.Json;
using TrendVault.YouTube.Api.Data;

namespace TrendVault.YouTube.Tests;

public sealed class RecordedResponseParsingTests
{
    public static TheoryData<string> VideoFiles => new()
    {
        "videos.mostPopular.US.page1.json",
        "videos.byId.2023.json",
        "videos.byId.2019-with-dislikeCount.json",
    };

    [Theory]
    [MemberData(nameof(VideoFiles))]
    public async Task Every_recorded_video_maps_with_the_counts_as_sent(string file)
    {
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, file));
        using var json = JsonDocument.Parse(RecordedResponses.Read(file));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();

        var videos = await client.GetVideosAsync(items.Select(i => i.GetProperty("id").GetString()!).ToList());

        Assert.Equal(items.Count, videos.Count);
        foreach (var (item, video) in items.Zip(videos))
        {
            var statistics = item.GetProperty("statistics");
            Assert.Equal(item.GetProperty("id").GetString(), video.Metadata.YouTubeId);
            Assert.Equal(item.GetProperty("snippet").GetProperty("title").GetString(), video.Metadata.Title);
            Assert.Equal(long.Parse(statistics.GetProperty("viewCount").GetString()!), video.Statistics.Views);
            Assert.Equal(Count(statistics, "likeCount"), video.Statistics.Likes);
            Assert.Equal(Count(statistics, "commentCount"), video.Statistics.Comments);
        }
    }

    [Fact]
    public async Task A_video_without_likeCount_has_hidden_likes_not_zero()
    {
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, "videos.mostPopular.US.page1.json"));

        var chart = await client.GetMostPopularAsync("US", maxPages: 1);

        var hidden = Assert.Single(chart.Entries, e => e.Video.Metadata.YouTubeId == "af0phKxitX8");
        Assert.Null(hidden.Video.Statistics.Likes);
        Assert.Equal(324954, hidden.Video.Statistics.Views);
    }

    [Fact]
    public async Task Chart_entries_keep_the_api_order_as_ranks()
    {
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, "videos.mostPopular.US.page1.json"));
        using var json = JsonDocument.Parse(RecordedResponses.Read("videos.mostPopular.US.page1.json"));

        var chart = await client.GetMostPopularAsync("US", maxPages: 1);

        Assert.Equal(Enumerable.Range(1, 10), chart.Entries.Select(e => e.Rank));
        Assert.Equal(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), chart.Entries.Select(e => e.Video.Metadata.YouTubeId));
        Assert.Equal(1, chart.Pages);
    }

    [Fact]
    public async Task Durations_categories_and_publish_times_are_parsed()
    {
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, "videos.mostPopular.US.page1.json"));

        var chart = await client.GetMostPopularAsync("US", maxPages: 1);

        Assert.Equal(TimeSpan.FromSeconds(133), chart.Entries[0].Video.Metadata.Duration);
        Assert.Equal(new TimeSpan(1, 16, 37), chart.Entries[8].Video.Metadata.Duration);
        Assert.All(chart.Entries, e => Assert.NotNull(e.Video.Metadata.CategoryId));
        Assert.All(chart.Entries, e => Assert.Equal(TimeSpan.Zero, e.Video.Metadata.PublishedAt!.Value.Offset));
    }

    [Fact]
    public async Task Paged_2019_responses_with_quoted_etags_follow_the_page_token()
    {
        var service = RecordedResponses.Service(request =>
            (HttpStatusCode.OK, request.RequestUri!.Query.Contains("pageToken=CAUQAA")
                ? "videos.mostPopular.paged.page2.2019.json"
                : "videos.mostPopular.paged.page1.2019.json"));

        var request = service.ListVideos("snippet,player");
        request.Chart = "mostPopular";
        var first = await request.ExecuteAsync();
        var next = service.ListVideos("snippet,player");
        next.Chart = "mostPopular";
        next.PageToken = first.NextPageToken;
        var second = await next.ExecuteAsync();

        Assert.Equal((5, "CAUQAA", 8), (first.Items!.Count, first.NextPageToken, first.PageInfo!.TotalResults));
        Assert.StartsWith("\"", first.ETag);
        Assert.Equal(3, second.Items!.Count);
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task The_recorded_region_list_maps_every_region()
    {
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, "i18nRegions.json"));

        var regions = await client.ListRegionsAsync();

        Assert.Equal(109, regions.Count);
        Assert.Contains(regions, r => r.Code == "AE" && r.Name == "United Arab Emirates");
    }

    [Fact]
    public void The_recorded_items_only_region_list_in_chinese_deserializes()
    {
        var items = Newtonsoft.Json.JsonConvert.DeserializeObject<List<I18nRegion>>(RecordedResponses.Read("i18nRegions.hl-zh-TW.items-only.json"))!;

        Assert.Equal(106, items.Count);
        Assert.All(items, r => Assert.Equal(r.Id, r.Snippet!.Gl));
    }

    [Theory]
    [InlineData("videoCategories.US.json", 32)]
    [InlineData("videoCategories.IN.json", 31)]
    public async Task Recorded_category_lists_map_with_their_assignable_flags(string file, int count)
    {
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, file));
        using var json = JsonDocument.Parse(RecordedResponses.Read(file));

        var categories = await client.ListCategoriesAsync("US");

        Assert.Equal(count, categories.Count);
        Assert.Equal(
            json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("snippet").GetProperty("assignable").GetBoolean()),
            categories.Select(c => c.Assignable));
    }

    private static long? Count(JsonElement statistics, string name) =>
        statistics.TryGetProperty(name, out var value) ? long.Parse(value.GetString()!) : null;
}
