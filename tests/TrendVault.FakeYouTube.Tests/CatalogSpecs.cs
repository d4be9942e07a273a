using System.Net;
using TrendVault.FakeYouTube.Data;

namespace TrendVault.FakeYouTube.Tests;

public sealed class CatalogSpecs
{
    private static readonly FakeCatalog Catalog = new();

    [Fact]
    public void Video_ids_are_distinct_eleven_character_base64url_strings_that_never_change()
    {
        Assert.All(Catalog.Videos, video => Assert.Matches("^[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]$", video.Id));
        Assert.Equal(FakeCatalog.PoolSize, Catalog.Videos.Select(video => video.Id).Distinct().Count());
        Assert.Equal(Catalog.ChartFor("US"), new FakeCatalog().ChartFor("US"));
    }

    [Fact]
    public void Charts_share_global_hits_across_regions_and_each_has_sixty_of_them()
    {
        var us = Catalog.ChartFor("US");
        var jp = Catalog.ChartFor("JP");
        bool IsHit(string id) => Catalog.Video(id)!.Index < FakeCatalog.GlobalHitCount;

        Assert.Equal(FakeCatalog.GlobalHitsPerChart, us.Count(IsHit));
        Assert.Contains(us, id => IsHit(id) && jp.Contains(id));
        Assert.NotEqual(us, jp);
    }

    [Fact]
    public void Each_region_lacks_a_few_non_assignable_categories_so_lists_differ()
    {
        var lists = Catalog.Regions.Select(region => Catalog.CategoriesFor(region.Code).Select(c => c.Id).ToArray()).ToList();

        Assert.All(lists, list => Assert.InRange(FakeCatalog.Categories.Count - list.Length, 1, 4));
        Assert.All(Catalog.Regions, region =>
            Assert.All(FakeCatalog.Categories.Where(c => c.Assignable), c => Assert.Contains(c, Catalog.CategoriesFor(region.Code))));
        Assert.True(lists.Select(list => string.Join(",", list)).Distinct().Count() > 10);
    }

    [Fact]
    public async Task Every_known_region_has_a_generated_flag_and_unknown_codes_get_404()
    {
        await using var server = await FakeYouTubeServer.StartAsync();
        using var http = new HttpClient();

        using var known = await http.GetAsync(new Uri(server.RootUrl, "flags/de.svg"));
        using var unknown = await http.GetAsync(new Uri(server.RootUrl, "flags/XX.svg"));

        Assert.Equal("image/svg+xml", known.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await known.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
