using TrendVault.Model;
using TrendVault.Storage.Catalog;
using TrendVault.Storage.Collection;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

public sealed class CollectionRunStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Bucket = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private PostgresTestDatabase _database = null!;
    private CollectionRunStore _runs = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        await new CatalogStore(_database.DataSource).UpsertRegionsAsync([new RegionInfo("NL", "Netherlands")], Bucket);
        _runs = new CollectionRunStore(_database.DataSource);
    }

    [Fact]
    public async Task A_succeeded_run_is_never_turned_back_into_running_or_failed()
    {
        await _runs.StartAsync("NL", Bucket, Bucket);
        await _runs.CompleteAsync("NL", Bucket, [], apiCalls: 4, BrokenItems.None, Bucket.AddMinutes(1));

        var restarted = await _runs.StartAsync("NL", Bucket, Bucket.AddMinutes(2));
        await _runs.FinishWithoutDataAsync("NL", Bucket, "failed", "late failure", 3, Bucket.AddMinutes(3));

        Assert.False(restarted);
        var run = Assert.Single(await _database.RowsAsync("SELECT status, attempts, api_calls, error FROM collection_runs"));
        Assert.Equal(new object?[] { "succeeded", 1, 4, null }, run);
    }

    [Fact]
    public async Task A_repeated_attempt_counts_up_and_adds_its_calls()
    {
        await _runs.StartAsync("NL", Bucket, Bucket);
        await _runs.FinishWithoutDataAsync("NL", Bucket, "failed", "500", 3, Bucket.AddMinutes(1));

        var restarted = await _runs.StartAsync("NL", Bucket, Bucket.AddMinutes(10));
        await _runs.CompleteAsync("NL", Bucket, [], apiCalls: 4, BrokenItems.None, Bucket.AddMinutes(11));

        Assert.True(restarted);
        var run = Assert.Single(await _database.RowsAsync("SELECT status, attempts, api_calls FROM collection_runs"));
        Assert.Equal(new object?[] { "succeeded", 2, 7 }, run);
    }

    [Fact]
    public async Task A_run_left_running_past_the_cutoff_is_marked_failed_as_abandoned_and_a_later_one_is_untouched()
    {
        await _runs.StartAsync("NL", Bucket, Bucket);
        await _runs.StartAsync("NL", Bucket.AddHours(1), Bucket.AddHours(1));

        var abandoned = await _runs.AbandonStaleAsync(startedBefore: Bucket.AddMinutes(30), finishedAt: Bucket.AddMinutes(31));

        Assert.Equal(1, abandoned);
        var rows = await _database.RowsAsync("SELECT status, error LIKE 'abandoned%' FROM collection_runs ORDER BY bucket");
        Assert.Equal([new object?[] { "failed", true }, new object?[] { "running", null }], rows);
    }

    [Fact]
    public async Task An_abandoned_run_still_succeeds_when_its_held_chart_is_stored_later()
    {
        await _runs.StartAsync("NL", Bucket, Bucket);
        await _runs.AbandonStaleAsync(Bucket.AddMinutes(30), Bucket.AddMinutes(31));

        Assert.True(await _runs.StartAsync("NL", Bucket, Bucket.AddMinutes(40)));
        await _runs.CompleteAsync("NL", Bucket, [], apiCalls: 4, BrokenItems.None, Bucket.AddMinutes(41));

        var run = Assert.Single(await _database.RowsAsync("SELECT status, error FROM collection_runs"));
        Assert.Equal(new object?[] { "succeeded", null }, run);
    }

    [Fact]
    public async Task A_succeeded_run_keeps_what_its_broken_items_cost()
    {
        await _runs.StartAsync("NL", Bucket, Bucket);
        var broken = new BrokenItems(2, 1, new Dictionary<string, int> { ["invalidText"] = 1, ["unstorableCount"] = 1, ["missingSnippet"] = 1 });

        await _runs.CompleteAsync("NL", Bucket, [], apiCalls: 4, broken, Bucket.AddMinutes(1));

        var run = Assert.Single(await _database.RowsAsync(
            "SELECT repaired, skipped, broken_reasons->>'invalidText', broken_reasons->>'missingSnippet', broken_reasons ? 'invalidId' FROM collection_runs"));
        Assert.Equal(new object?[] { 2, 1, "1", "1", false }, run);
    }

    [Fact]
    public async Task A_run_whose_start_never_reached_the_database_is_recorded_when_it_completes()
    {
        await _runs.CompleteAsync("NL", Bucket, [], apiCalls: 4, BrokenItems.None, Bucket.AddMinutes(1));

        var run = Assert.Single(await _database.RowsAsync("SELECT status, attempts, api_calls FROM collection_runs"));
        Assert.Equal(new object?[] { "succeeded", 1, 4 }, run);
    }

    [Fact]
    public async Task A_chart_is_one_row_with_each_video_at_its_rank_and_an_empty_rank_where_an_item_was_skipped()
    {
        await AddVideosAsync("aaaaaaaaaaa", "bbbbbbbbbbb", "ccccccccccc");
        List<TrendingEntry> chart = [new(1, "bbbbbbbbbbb"), new(2, "aaaaaaaaaaa"), new(4, "ccccccccccc")];

        await _runs.CompleteAsync("NL", Bucket, chart, apiCalls: 4, BrokenItems.None, Bucket.AddMinutes(1));
        await _runs.CompleteAsync("NL", Bucket, chart.Take(1).ToList(), apiCalls: 4, BrokenItems.None, Bucket.AddMinutes(2));

        Assert.Equal("{2,1,NULL,3}", await _database.ScalarAsync<string>("SELECT video_ids::text FROM trending_charts"));
        var entries = await _database.RowsAsync("SELECT rank, video_id FROM trending_entries ORDER BY rank");
        Assert.Equal([new object?[] { (short)1, 2 }, new object?[] { (short)2, 1 }, new object?[] { (short)4, 3 }], entries);
    }

    [Fact]
    public async Task Each_video_keeps_its_best_rank_and_last_bucket_per_region()
    {
        await AddVideosAsync("aaaaaaaaaaa", "bbbbbbbbbbb");

        await _runs.CompleteAsync("NL", Bucket, [new(3, "aaaaaaaaaaa"), new(5, "bbbbbbbbbbb")], 4, BrokenItems.None, Bucket);
        await _runs.CompleteAsync("NL", Bucket.AddHours(1), [new(1, "aaaaaaaaaaa"), new(9, "bbbbbbbbbbb")], 4, BrokenItems.None, Bucket.AddHours(1));

        var regions = await _database.RowsAsync("SELECT video_id, best_rank, last_bucket FROM video_chart_regions WHERE region_code = 'NL' ORDER BY video_id");
        Assert.Equal([new object?[] { 1, (short)1, Bucket.AddHours(1).UtcDateTime }, new object?[] { 2, (short)5, Bucket.AddHours(1).UtcDateTime }], regions);
    }

    private async Task AddVideosAsync(params string[] youTubeIds)
    {
        foreach (var id in youTubeIds)
        {
            await _database.ScalarAsync<int>(
                "INSERT INTO videos (youtube_id, title, channel_id, channel_title, first_seen_at) VALUES ($1, 't', 'c', 'c', $2) RETURNING id", id, Bucket.UtcDateTime);
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
