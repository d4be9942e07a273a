using TrendVault.Storage.Tracking;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests;

public sealed class TrackingStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Bucket = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private PostgresTestDatabase _database = null!;
    private TrackingStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _store = new TrackingStore(_database.DataSource);
    }

    [Fact]
    public async Task A_refresh_run_left_running_past_the_cutoff_is_marked_failed_as_abandoned_and_finished_ones_are_untouched()
    {
        await _store.StartRunAsync(shard: 0, Bucket, Bucket);
        await _store.StartRunAsync(shard: 1, Bucket, Bucket);
        await _store.FinishRunAsync(shard: 1, Bucket, "succeeded", videos: 50, gone: 0, apiCalls: 1, error: null, Bucket.AddMinutes(1));
        await _store.StartRunAsync(shard: 0, Bucket.AddHours(1), Bucket.AddHours(1));

        var abandoned = await _store.AbandonStaleRunsAsync(startedBefore: Bucket.AddMinutes(30), finishedAt: Bucket.AddMinutes(31));

        Assert.Equal(1, abandoned);
        var rows = await _database.RowsAsync("SELECT shard, status, error LIKE 'abandoned%' FROM refresh_runs ORDER BY bucket, shard");
        Assert.Equal([new object?[] { (short)0, "failed", true }, new object?[] { (short)1, "succeeded", null }, new object?[] { (short)0, "running", null }], rows);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
