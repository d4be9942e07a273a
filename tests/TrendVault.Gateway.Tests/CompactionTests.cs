using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using TrendVault.Gateway.Contracts;
using TrendVault.Grains;
using TrendVault.Storage.Compaction;
using TrendVault.Testing;

namespace TrendVault.Gateway.Tests;

/// <summary>Compacting closed days must not change a single byte of any answer.</summary>
public sealed class CompactionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    // The day's last two hours: the daily series then ends on the day's last slot, and a one-hour window
    // starts at an hour every video already had.
    private static readonly DateTimeOffset ThirdCapture = new(GatewayFixture.FirstBucket.Date.AddHours(22).AddMinutes(5), TimeSpan.Zero);
    private static readonly DateTimeOffset FourthCapture = ThirdCapture.AddHours(1);

    [Fact]
    public async Task Every_answer_is_identical_after_the_days_are_compacted()
    {
        // Top gainers over the last hour then read each video's first point at the window's start, and the daily
        // series takes the day's last slot: a hot snapshot before compaction, a compacted slot after.
        foreach (var capture in new[] { ThirdCapture, FourthCapture })
        {
            fixture.Clock.SetUtcNow(capture);
            await Task.WhenAll(fixture.Grains.GetGrain<IRegionGrain>("US").CollectNowAsync(), fixture.Grains.GetGrain<IRegionGrain>("GB").CollectNowAsync());
        }
        using var http = fixture.CreateClient();
        var catalog = fixture.YouTube.Catalog;
        var chart = catalog.ChartFor("US");
        var hiddenLikes = chart.First(id => catalog.StatisticsAt(id, GatewayFixture.FirstCapture).Likes is null);
        var firstHalfHour = Uri.EscapeDataString(GatewayFixture.FirstBucket.AddMinutes(30).ToString("o"));
        var dayStart = Uri.EscapeDataString(new DateTimeOffset(GatewayFixture.FirstBucket.Date, TimeSpan.Zero).ToString("o"));
        var lastHalfHour = Uri.EscapeDataString(FourthCapture.AddMinutes(-35).ToString("o"));
        var nextDay = Uri.EscapeDataString(new DateTimeOffset(GatewayFixture.FirstBucket.Date.AddDays(1), TimeSpan.Zero).ToString("o"));
        string[] urls =
        [
            "/api/regions/US/trending",
            $"/api/regions/US/trending?at={firstHalfHour}",
            $"/api/videos/{chart[0]}",
            $"/api/videos/{hiddenLikes}",
            $"/api/videos/{chart[0]}/snapshots",
            $"/api/videos/{chart[0]}/snapshots?interval=day",
            $"/api/videos/{hiddenLikes}/snapshots",
            $"/api/videos/{hiddenLikes}/snapshots?interval=day",
            // Ranges that cut the compacted day, and one that holds all of it.
            $"/api/videos/{chart[0]}/snapshots?from={firstHalfHour}",
            $"/api/videos/{chart[0]}/snapshots?to={firstHalfHour}",
            $"/api/videos/{chart[0]}/snapshots?from={dayStart}&to={nextDay}",
            $"/api/videos/{chart[0]}/snapshots?interval=day&to={firstHalfHour}",
            $"/api/videos/{chart[0]}/snapshots?interval=day&from={firstHalfHour}&to={lastHalfHour}",
            "/api/videos?region=US&sort=views&pageSize=100",
            "/api/stats/top?region=US&metric=views&window=24h&limit=50",
            "/api/stats/top?region=US&metric=likes&window=2h&limit=50",
            "/api/stats/top?metric=views&window=1h&limit=50",
            "/api/stats/top?region=US&metric=likes&window=1h&limit=50",
            "/api/stats/top?region=GB&metric=comments&window=1h&limit=50",
            $"/api/export/trending.csv?region=US&from={dayStart}&to={nextDay}",
            $"/api/export/trending.csv?from={dayStart}&to={nextDay}",
        ];
        var before = await Task.WhenAll(urls.Select(url => http.GetStringAsync(url)));
        var hourGainers = await http.GetFromJsonAsync<List<TopGainer>>("/api/stats/top?region=US&metric=likes&window=1h&limit=50");
        Assert.NotEmpty(hourGainers!);
        Assert.All(hourGainers!, gainer => Assert.Equal(
            (catalog.StatisticsAt(gainer.VideoId, ThirdCapture).Likes, catalog.StatisticsAt(gainer.VideoId, FourthCapture).Likes),
            (gainer.FromValue, gainer.ToValue)));
        var last = catalog.StatisticsAt(chart[0], FourthCapture);
        Assert.Equal([new SnapshotPoint(FourthCapture.AddMinutes(-5), last.Views, last.Likes, last.Comments)],
            await http.GetFromJsonAsync<List<SnapshotPoint>>($"/api/videos/{chart[0]}/snapshots?interval=day"));
        var hot = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots");

        var moved = await new SnapshotCompactor(fixture.Database.DataSource, new CompactionMetrics(new TestMeters()), NullLogger<SnapshotCompactor>.Instance)
            .CompactAsync(FourthCapture.AddDays(2), TimeSpan.FromHours(1));

        Assert.Equal(hot, moved);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots"));
        // A gateway started after compaction: its output cache cannot hold an answer from before.
        await using var restarted = fixture.WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), GatewayFixture.AdminToken);
        using var fresh = restarted.CreateClient();
        var after = await Task.WhenAll(urls.Select(url => fresh.GetStringAsync(url)));
        foreach (var (url, index) in urls.Select((url, index) => (url, index)))
        {
            Assert.True(before[index] == after[index], $"{url} changed after compaction");
        }
    }
}
