using System.Net;
using System.Net.Http.Json;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Queries;

namespace TrendVault.Gateway.Tests;

/// <summary>The video list's two ways through: numbered pages, and the next cursor (after=) that reaches any depth.</summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoListPagingTests(GatewayFixture fixture)
{
    // Videos without a publication time or views, sharing their seen times, in a category of their own.
    private const int OwnCategory = 4242;

    private readonly HttpClient _http = fixture.CreateClient();

    public static TheoryData<string> Sorts => ["lastSeen", "firstSeen", "published", "title", "views"];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Following_next_cursors_lists_every_video_once_in_the_order_of_numbered_pages(string sort)
    {
        var numbered = await NumberedAsync($"/api/videos?sort={sort}");

        var followed = await FollowedAsync($"/api/videos?sort={sort}", pageSize: 37);

        Assert.True(numbered.Count > 200);
        Assert.Equal(numbered, followed);
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Cursors_step_over_equal_values_and_into_videos_without_a_value(string sort)
    {
        await AddVideosOfOwnCategoryAsync();

        var numbered = await NumberedAsync($"/api/videos?category={OwnCategory}&sort={sort}");

        var followed = await FollowedAsync($"/api/videos?category={OwnCategory}&sort={sort}", pageSize: 2);

        Assert.Equal(5, numbered.Count);
        Assert.Equal(numbered, followed);
    }

    [Theory]
    [InlineData("official")]
    [InlineData("TRAILER")]
    [InlineData(" tv")]
    public async Task A_search_lists_the_videos_whose_title_or_channel_holds_the_text_in_list_order(string text)
    {
        var all = await ItemsAsync("/api/videos?sort=title");
        var expected = all.Where(i => i.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || i.ChannelTitle.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(i => i.VideoId).ToList();

        var found = await FollowedAsync($"/api/videos?sort=title&q={Uri.EscapeDataString(text)}", pageSize: 9);
        var first = await _http.GetFromJsonAsync<VideoPage>($"/api/videos?sort=title&q={Uri.EscapeDataString(text)}");

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count);
        Assert.Equal(expected, found);
        Assert.Equal((expected.Count, false), (first!.Total, first.TotalCapped));
    }

    [Fact]
    public async Task A_search_finds_the_videos_of_every_channel_that_holds_the_text_however_many_channels_do()
    {
        // More channel names hold "studio" than a search reads one by one; "studio 7" holds 11 of them (7, 70-79).
        await fixture.Database.ExecuteAsync($"""
            INSERT INTO videos (youtube_id, title, channel_id, channel_title, category_id, published_at, first_seen_at)
            SELECT 'studio' || lpad(i::text, 5, '0'), 'Episode ' || i, 'UCstudio' || i, 'Paging Studio ' || i, NULL, NULL, '2001-01-01Z'
            FROM generate_series(1, {VideoQueries.MaxChannelNames + 1}) AS i
            ON CONFLICT (youtube_id) DO NOTHING;
            INSERT INTO video_sightings (video_id, last_seen_at) SELECT id, '2001-01-03Z' FROM videos WHERE youtube_id LIKE 'studio%'
            ON CONFLICT (video_id) DO NOTHING
            """);

        var many = await FollowedAsync("/api/videos?sort=title&q=paging%20studio", pageSize: 100);
        var few = await FollowedAsync("/api/videos?sort=title&q=paging%20STUDIO%207", pageSize: 100);

        Assert.Equal(VideoQueries.MaxChannelNames + 1, many.Count(id => id.StartsWith("studio", StringComparison.Ordinal)));
        Assert.Equal(["studio00007", .. Enumerable.Range(70, 10).Select(i => $"studio000{i}")], few.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_video_whose_channel_was_renamed_is_found_by_the_new_name()
    {
        await AddVideosOfOwnCategoryAsync();
        await fixture.Database.ExecuteAsync("UPDATE videos SET channel_title = 'Paging renamed quokka' WHERE youtube_id = 'pagingTest5'");

        var page = await _http.GetFromJsonAsync<VideoPage>("/api/videos?q=renamed%20quokka");

        Assert.Equal(["pagingTest5"], page!.Items.Select(i => i.VideoId));
    }

    [Fact]
    public async Task A_search_for_one_video_s_title_finds_it()
    {
        var id = fixture.YouTube.Catalog.ChartFor("US")[7];
        var title = fixture.YouTube.Catalog.Video(id)!.Title;

        var page = await _http.GetFromJsonAsync<VideoPage>($"/api/videos?q={Uri.EscapeDataString(title.ToUpperInvariant())}");

        Assert.Contains(id, page!.Items.Select(i => i.VideoId));
        Assert.All(page.Items, i => Assert.Contains(title, i.Title + "\n" + i.ChannelTitle, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        var page = await _http.GetFromJsonAsync<VideoPage>("/api/videos?region=US&pageSize=100&page=2");

        Assert.Equal(100, page!.Items.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task A_cursor_after_the_last_video_gives_an_empty_page()
    {
        var cursor = new VideoCursor(VideoSort.FirstSeen, "0", "zzzzzzzzzzz").Encode();

        var page = await _http.GetFromJsonAsync<VideoPage>($"/api/videos?sort=firstSeen&after={cursor}");

        Assert.Equal((null, 0, null), (page!.Page, page.Items.Count, page.Next));
        Assert.True(page.Total > 0);
    }

    [Fact]
    public async Task A_cursor_of_another_sort_is_refused_by_name()
    {
        var cursor = new VideoCursor(VideoSort.Title, "A", "AAAAAAAAAAA").Encode();

        var response = await _http.GetAsync($"/api/videos?sort=views&after={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sort=title", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(VideoSort.Title, "a title\nover two lines ✓")]
    [InlineData(VideoSort.Views, "3000000000")]
    [InlineData(VideoSort.Published, null)]
    [InlineData(VideoSort.LastSeen, "1764403200000000")]
    [InlineData(VideoSort.Published, "-86400000000")]
    public void A_cursor_reads_back_as_it_was_given(VideoSort sort, string? key)
    {
        var cursor = new VideoCursor(sort, key, "a-B_c123456");

        Assert.Equal(cursor, VideoCursor.Decode(cursor.Encode()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("U2h1ZmZsZQo9MQpBQUFBQUFBQUFBQQ")] // Shuffle\n=1\nAAAAAAAAAAA: no such sort
    [InlineData("TGFzdFNlZW4KLQpBQUFBQUFBQUFBQQ")] // LastSeen\n-\nAAAAAAAAAAA: every video has a last-seen time
    [InlineData("Vmlld3MKPS01CkFBQUFBQUFBQUFB")]   // Views\n=-5\nAAAAAAAAAAA: not a view count
    [InlineData("VGl0bGUKPUEKbm8")]                // Title\n=A\nno: not a video id
    public void Anything_but_a_cursor_the_list_gave_out_is_refused(string value)
    {
        Assert.Null(VideoCursor.Decode(value));
    }

    private async Task<List<string>> NumberedAsync(string url) => (await ItemsAsync(url)).Select(i => i.VideoId).ToList();

    private async Task<List<VideoListItem>> ItemsAsync(string url)
    {
        var items = new List<VideoListItem>();
        for (var number = 1; ; number++)
        {
            var page = await _http.GetFromJsonAsync<VideoPage>($"{url}&pageSize=100&page={number}");
            items.AddRange(page!.Items);
            if (page.Items.Count < 100)
            {
                return items;
            }
        }
    }

    private async Task<List<string>> FollowedAsync(string url, int pageSize)
    {
        var page = await _http.GetFromJsonAsync<VideoPage>($"{url}&pageSize={pageSize}");
        var ids = page!.Items.Select(i => i.VideoId).ToList();
        while (page.Next is { } next)
        {
            page = await _http.GetFromJsonAsync<VideoPage>($"{url}&pageSize={pageSize}&after={Uri.EscapeDataString(next)}");
            Assert.Null(page!.Page);
            ids.AddRange(page.Items.Select(i => i.VideoId));
        }
        return ids;
    }

    private Task AddVideosOfOwnCategoryAsync() => fixture.Database.ExecuteAsync($"""
        INSERT INTO videos (youtube_id, title, channel_id, channel_title, category_id, published_at, first_seen_at)
        VALUES ('pagingTest1', 'Same title', 'UCpaging', 'Paging', {OwnCategory}, NULL, '2001-01-01Z'),
               ('pagingTest2', 'Same title', 'UCpaging', 'Paging', {OwnCategory}, '2000-06-01Z', '2001-01-01Z'),
               ('pagingTest3', 'Same title', 'UCpaging', 'Paging', {OwnCategory}, NULL, '2001-01-01Z'),
               ('pagingTest4', 'Other title', 'UCpaging', 'Paging', {OwnCategory}, '2000-06-01Z', '2001-01-02Z'),
               ('pagingTest5', 'Other title', 'UCpaging', 'Paging', {OwnCategory}, NULL, '2001-01-02Z')
        ON CONFLICT (youtube_id) DO NOTHING;
        INSERT INTO video_sightings (video_id, last_seen_at, latest_views)
        SELECT id, '2001-01-03Z', CASE WHEN youtube_id IN ('pagingTest2', 'pagingTest4') THEN 7 END
        FROM videos WHERE category_id = {OwnCategory}
        ON CONFLICT (video_id) DO NOTHING
        """);
}
