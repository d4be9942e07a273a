using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TrendVault.FakeYouTube.Data;

namespace TrendVault.FakeYouTube.Tests;

public sealed class StatisticsSpecs
{
    [Fact]
    public async Task Hidden_likes_and_disabled_comments_have_no_count_key_at_all()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();
        var hiddenLikes = server.Catalog.Videos.First(video => video.LikesHidden && !video.CommentsDisabled).Id;
        var noComments = server.Catalog.Videos.First(video => video.CommentsDisabled && !video.LikesHidden).Id;

        var (_, list) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=statistics&id={hiddenLikes},{noComments}&key={ApiHttp.Key}");

        var statistics = list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("statistics")).ToList();
        Assert.Equal(["viewCount", "favoriteCount", "commentCount"], statistics[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["viewCount", "likeCount", "favoriteCount"], statistics[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("0", statistics[0].GetProperty("favoriteCount").GetString());
    }

    [Fact]
    public async Task Statistics_grow_when_the_clock_moves_forward_an_hour()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await FakeYouTubeServer.StartAsync(timeProvider: clock);
        using var http = new HttpClient();
        var id = server.Catalog.ChartFor("DE")[0];
        var url = $"videos?part=statistics&id={id}&key={ApiHttp.Key}";

        var before = Statistics(await http.GetJsonAsync(server.BaseUrl, url));
        clock.Advance(TimeSpan.FromHours(1));
        var after = Statistics(await http.GetJsonAsync(server.BaseUrl, url));

        Assert.Equal(server.Catalog.StatisticsAt(id, clock.GetUtcNow() - TimeSpan.FromHours(1)), before);
        Assert.Equal(server.Catalog.StatisticsAt(id, clock.GetUtcNow()), after);
        Assert.True(after.Views > before.Views);
        Assert.True(after.Likes >= before.Likes && after.Comments >= before.Comments);
    }

    [Fact]
    public void Statistics_never_decrease_and_some_videos_exceed_two_billion_views()
    {
        var catalog = new FakeCatalog();
        var times = new[] { FakeCatalog.GrowthEpoch.AddYears(-1), FakeCatalog.GrowthEpoch, FakeCatalog.GrowthEpoch.AddDays(3), FakeCatalog.GrowthEpoch.AddYears(2) };

        foreach (var video in catalog.Videos)
        {
            var series = times.Select(time => catalog.StatisticsAt(video.Id, time)).ToList();
            Assert.All(series.Zip(series.Skip(1)), pair =>
            {
                Assert.True(pair.Second.Views >= pair.First.Views);
                Assert.True((pair.Second.Likes ?? 0) >= (pair.First.Likes ?? 0));
                Assert.True((pair.Second.Comments ?? 0) >= (pair.First.Comments ?? 0));
            });
        }

        Assert.Contains(catalog.Videos, video => catalog.StatisticsAt(video.Id, FakeCatalog.GrowthEpoch).Views > int.MaxValue);
    }

    private static FakeVideoStatistics Statistics((System.Net.HttpStatusCode Status, JsonElement Body) response)
    {
        var statistics = Assert.Single(response.Body.GetProperty("items").EnumerateArray()).GetProperty("statistics");
        long? Count(string name) => statistics.TryGetProperty(name, out var value) ? long.Parse(value.GetString()!) : null;
        return new FakeVideoStatistics(Count("viewCount")!.Value, Count("likeCount"), Count("commentCount"));
    }
}
