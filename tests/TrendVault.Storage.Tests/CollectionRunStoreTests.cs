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

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
