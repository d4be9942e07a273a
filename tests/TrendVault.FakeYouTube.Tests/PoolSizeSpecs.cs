using System.Net;
using TrendVault.FakeYouTube.Data;

namespace TrendVault.FakeYouTube.Tests;

public sealed class PoolSizeSpecs
{
    [Fact]
    public void A_larger_pool_keeps_every_chart_and_the_first_videos_as_they_are()
    {
        var standard = new FakeCatalog(chartTurnoverPerHour: 10);
        var large = new FakeCatalog(chartTurnoverPerHour: 10, poolSize: 10_000);
        var later = FakeCatalog.GrowthEpoch.AddHours(500);

        Assert.Equal(10_000, large.Videos.Select(video => video.Id).Distinct().Count());
        Assert.Equal(standard.Videos.Select(video => video.Id), large.Videos.Take(FakeCatalog.PoolSize).Select(video => video.Id));
        Assert.All(standard.Regions, region => Assert.Equal(standard.ChartAt(region.Code, later), large.ChartAt(region.Code, later)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FakeCatalog(poolSize: FakeCatalog.PoolSize - 1));
    }

    [Fact]
    public void A_larger_chart_pool_keeps_the_first_charts_and_brings_newcomers_from_beyond_the_default_pool()
    {
        var standard = new FakeCatalog(chartTurnoverPerHour: 1);
        var wide = new FakeCatalog(chartTurnoverPerHour: 1, poolSize: 30_000, chartPool: 30_000);
        var defaultIds = standard.Videos.Select(video => video.Id).ToHashSet();
        var week = FakeCatalog.GrowthEpoch.AddDays(7);

        Assert.All(standard.Regions, region => Assert.Equal(standard.ChartAt(region.Code, FakeCatalog.GrowthEpoch), wide.ChartAt(region.Code, FakeCatalog.GrowthEpoch)));
        Assert.Contains(wide.ChartAt("US", week), id => !defaultIds.Contains(id));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FakeCatalog(poolSize: 5_000, chartPool: 6_000));
    }

    [Fact]
    public async Task Ids_beyond_the_default_pool_are_served_when_the_pool_is_larger()
    {
        await using var server = await FakeYouTubeServer.StartAsync(new FakeYouTubeOptions { PoolSize = 5_000 });
        using var http = new HttpClient();
        var id = server.Catalog.Videos[4_999].Id;

        var (status, body) = await http.GetJsonAsync(server.BaseUrl, $"videos?part=statistics&id={id}&key={ApiHttp.Key}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([id], body.Ids());
    }
}
