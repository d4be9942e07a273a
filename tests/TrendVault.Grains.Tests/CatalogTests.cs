namespace TrendVault.Grains.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class CatalogTests(CollectionClusterFixture fixture)
{
    [Fact]
    public async Task The_catalog_is_fetched_once_and_then_read_from_the_database()
    {
        var summary = await fixture.Grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync();

        Assert.False(summary.Fetched);
        Assert.Equal(1L, fixture.YouTube.Requests.EndpointCalls("i18nRegions"));
        Assert.Equal(fixture.YouTube.Catalog.Regions.Count, summary.Regions);
    }

    [Fact]
    public async Task Every_region_and_its_categories_are_stored()
    {
        var regions = await fixture.Database.RowsAsync("SELECT code, name FROM regions ORDER BY code");
        Assert.Equal(
            fixture.YouTube.Catalog.Regions.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Name)),
            regions.Select(r => ((string)r[0]!, (string)r[1]!)));

        var categories = await fixture.Database.RowsAsync("SELECT id, title, assignable FROM categories WHERE region_code = 'US' ORDER BY id");
        Assert.Equal(
            fixture.YouTube.Catalog.CategoriesFor("US").OrderBy(c => int.Parse(c.Id)).Select(c => (int.Parse(c.Id), c.Title, c.Assignable)),
            categories.Select(c => ((int)(short)c[0]!, (string)c[1]!, (bool)c[2]!)));
    }

    [Fact]
    public async Task Each_flag_is_downloaded_once_into_the_static_folder()
    {
        var flagPath = await fixture.Database.ScalarAsync<string>("SELECT flag_path FROM regions WHERE code = 'JP'");
        var flagCallsBefore = await FlagFileCountAsync();

        await fixture.Grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync();

        Assert.Equal("flags/jp.svg", flagPath);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(fixture.StaticRoot, flagPath)));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM regions WHERE flag_path IS NULL"));
        Assert.Equal(flagCallsBefore, await FlagFileCountAsync());
    }

    private Task<int> FlagFileCountAsync() =>
        Task.FromResult(Directory.GetFiles(Path.Combine(fixture.StaticRoot, "flags")).Length);
}
