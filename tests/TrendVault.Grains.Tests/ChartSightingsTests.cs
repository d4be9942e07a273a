using TrendVault.Grains.Regions;

namespace TrendVault.Grains.Tests;

public sealed class ChartSightingsTests
{
    private static readonly DateTimeOffset Bucket = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_second_region_in_the_same_bucket_shares_the_first_call()
    {
        var sightings = new ChartSightings();
        var calls = 0;
        var pending = new TaskCompletionSource();

        var first = sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => { calls++; return pending.Task; });
        var second = sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => { calls++; return Task.CompletedTask; });

        Assert.Equal(1, calls);
        Assert.False(second.IsCompleted);
        pending.SetResult();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task A_failed_call_is_made_again_by_the_next_region()
    {
        var sightings = new ChartSightings();
        var failed = sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => Task.FromException(new InvalidOperationException("database down")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        var calls = 0;
        await sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => { calls++; return Task.CompletedTask; });

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_new_bucket_calls_again()
    {
        var sightings = new ChartSightings();
        await sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => Task.CompletedTask);

        var calls = 0;
        await sightings.RecordAsync("aaaaaaaaaaa", Bucket.AddHours(1), () => { calls++; return Task.CompletedTask; });

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_late_region_of_an_older_bucket_makes_its_own_call()
    {
        var sightings = new ChartSightings();
        await sightings.RecordAsync("aaaaaaaaaaa", Bucket.AddHours(1), () => Task.CompletedTask);

        var calls = 0;
        await sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => { calls++; return Task.CompletedTask; });
        await sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => { calls++; return Task.CompletedTask; });

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Different_videos_each_get_their_call()
    {
        var sightings = new ChartSightings();
        var calls = 0;

        await sightings.RecordAsync("aaaaaaaaaaa", Bucket, () => { calls++; return Task.CompletedTask; });
        await sightings.RecordAsync("bbbbbbbbbbb", Bucket, () => { calls++; return Task.CompletedTask; });

        Assert.Equal(2, calls);
    }
}
