using TrendVault.FakeYouTube.Faults;
using TrendVault.Model;

namespace TrendVault.Grains.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class CollectionFailureTests(CollectionClusterFixture fixture) : IDisposable
{
    [Fact]
    public async Task Malformed_json_fails_the_run_and_commits_nothing()
    {
        var bucket = fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set("PL", FakeFaultKind.MalformedJson);

        var result = await fixture.Grains.GetGrain<IRegionGrain>("PL").CollectNowAsync();

        Assert.Equal(CollectionOutcome.Failed, result.Outcome);
        Assert.Contains("malformed JSON", result.Error);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM trending_entries WHERE region_code = 'PL'"));
        Assert.Equal("failed", await fixture.Database.ScalarAsync<string>(
            "SELECT status FROM collection_runs WHERE region_code = 'PL' AND bucket = $1", bucket.UtcDateTime));
    }

    [Fact]
    public async Task An_attempt_whose_call_hangs_is_abandoned_at_its_timeout_and_counted_as_timed_out()
    {
        var bucket = fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set("HU", FakeFaultKind.Hang, count: 1);
        using var meters = new SiloMeters(fixture, "region");

        var result = await fixture.Grains.GetGrain<IRegionGrain>("HU").CollectNowAsync();

        Assert.Equal(CollectionOutcome.Failed, result.Outcome);
        Assert.StartsWith("attempt timed out", result.Error);
        Assert.Equal(1, meters.Sum("trendvault.collection.timeouts", "HU"));
        Assert.Equal(1, meters.Sum("trendvault.collection.runs", "HU"));
        Assert.Equal("failed", await fixture.Database.ScalarAsync<string>(
            "SELECT status FROM collection_runs WHERE region_code = 'HU' AND bucket = $1", bucket.UtcDateTime));
    }

    [Fact]
    public async Task A_failed_bucket_is_collected_by_the_next_attempt_in_the_same_bucket()
    {
        var bucket = fixture.StartFreshBucket();
        // Three 500s outlast the client's two in-call retries.
        fixture.YouTube.Faults.Set("PT", FakeFaultKind.ServerError, count: 3);
        var region = fixture.Grains.GetGrain<IRegionGrain>("PT");

        var failed = await region.CollectNowAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var retried = await region.CollectNowAsync();

        Assert.Equal((CollectionOutcome.Failed, 3), (failed.Outcome, failed.ApiCalls));
        Assert.Equal(new CollectionResult("PT", bucket, CollectionOutcome.Collected, 200, 4, null), retried);
        var run = Assert.Single(await fixture.Database.RowsAsync(
            "SELECT status, attempts, api_calls FROM collection_runs WHERE region_code = 'PT' AND bucket = $1", bucket.UtcDateTime));
        Assert.Equal(new object?[] { "succeeded", 2, 7 }, run);
    }

    [Fact]
    public async Task A_single_5xx_is_retried_inside_the_run_and_every_attempt_is_counted()
    {
        fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set("SK", FakeFaultKind.ServerError, count: 1);
        var unitsBefore = fixture.YouTube.Requests.Units;

        var result = await fixture.Grains.GetGrain<IRegionGrain>("SK").CollectNowAsync();

        Assert.Equal((CollectionOutcome.Collected, 5), (result.Outcome, result.ApiCalls));
        Assert.Equal(5, fixture.YouTube.Requests.Units - unitsBefore);
    }

    [Fact]
    public async Task A_rate_limited_run_fails_and_the_next_tick_collects()
    {
        fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set("SI", FakeFaultKind.RateLimitExceeded, count: 1);
        var region = fixture.Grains.GetGrain<IRegionGrain>("SI");

        var limited = await region.CollectNowAsync();
        var next = await region.CollectNowAsync();

        Assert.Equal(CollectionOutcome.Failed, limited.Outcome);
        Assert.Contains("rateLimitExceeded", limited.Error);
        Assert.Equal(CollectionOutcome.Collected, next.Outcome);
    }

    [Fact]
    public async Task A_region_without_a_chart_is_recorded_as_no_chart_and_not_retried_in_the_bucket()
    {
        var bucket = fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set("GR", FakeFaultKind.ChartNotFound);
        var region = fixture.Grains.GetGrain<IRegionGrain>("GR");

        var first = await region.CollectNowAsync();
        var second = await region.CollectNowAsync();

        Assert.Equal(CollectionOutcome.NoChart, first.Outcome);
        Assert.Equal(CollectionOutcome.AlreadyCollected, second.Outcome);
        Assert.Equal(1L, fixture.YouTube.Requests.ChartCalls("GR"));
        Assert.Equal("no_chart", await fixture.Database.ScalarAsync<string>(
            "SELECT status FROM collection_runs WHERE region_code = 'GR' AND bucket = $1", bucket.UtcDateTime));
    }

    [Fact]
    public async Task Collecting_a_region_missing_from_the_catalog_is_refused()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Grains.GetGrain<IRegionGrain>("ZZ").CollectNowAsync());

        Assert.Contains("not in the catalog", exception.Message);
    }

    [Fact]
    public async Task The_last_failure_is_visible_in_the_region_status()
    {
        fixture.StartFreshBucket();
        fixture.YouTube.Faults.Set("HU", FakeFaultKind.ServerError);
        var region = fixture.Grains.GetGrain<IRegionGrain>("HU");

        await region.CollectNowAsync();
        var status = await region.GetStatusAsync();

        Assert.Equal(CollectionOutcome.Failed, status.LastRun?.Outcome);
        Assert.Contains("500", status.LastRun?.Error);
        Assert.Null(status.LastCollectedBucket);
    }

    public void Dispose() => fixture.YouTube.Faults.ClearAll();
}
