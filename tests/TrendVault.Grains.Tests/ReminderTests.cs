using TrendVault.Model;

namespace TrendVault.Grains.Tests;

[Collection(CollectionClusterCollection.Name)]
public sealed class ReminderTests(CollectionClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_active_region_is_collected_by_its_reminder_in_every_new_bucket()
    {
        var first = fixture.StartFreshBucket();
        var region = fixture.Grains.GetGrain<IRegionGrain>("NZ");

        await region.ActivateAsync();
        try
        {
            await WaitForSucceededRunAsync("NZ", first);
            fixture.Clock.Advance(CollectionClusterFixture.BucketSize);
            await WaitForSucceededRunAsync("NZ", first + CollectionClusterFixture.BucketSize);
        }
        finally
        {
            await region.DeactivateAsync();
        }

        var status = await region.GetStatusAsync();
        Assert.False(status.Active);
        Assert.Equal(first + CollectionClusterFixture.BucketSize, status.LastCollectedBucket);
    }

    [Fact]
    public async Task A_deactivated_region_is_not_reactivated_by_the_start_up_configuration()
    {
        var region = fixture.Grains.GetGrain<IRegionGrain>("CZ");
        await region.ActivateAsync();
        await region.DeactivateAsync();

        await region.EnsureActiveFromConfigurationAsync();

        Assert.False((await region.GetStatusAsync()).Active);
    }

    [Fact]
    public async Task A_region_dropped_from_the_configuration_stops_unless_an_operator_activated_it()
    {
        var configured = fixture.Grains.GetGrain<IRegionGrain>("HR");
        var byOperator = fixture.Grains.GetGrain<IRegionGrain>("CY");
        await configured.EnsureActiveFromConfigurationAsync();
        await byOperator.ActivateAsync();

        await configured.ReleaseFromConfigurationAsync();
        await byOperator.ReleaseFromConfigurationAsync();

        Assert.False((await configured.GetStatusAsync()).Active);
        Assert.True((await byOperator.GetStatusAsync()).Active);
        await byOperator.DeactivateAsync();
    }

    private async Task WaitForSucceededRunAsync(string region, DateTimeOffset bucket)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var status = await fixture.Database.RowsAsync(
                "SELECT status FROM collection_runs WHERE region_code = $1 AND bucket = $2", region, bucket.UtcDateTime);
            if (status.Count == 1 && (string)status[0][0]! == "succeeded")
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"No succeeded run of {region} for bucket {bucket:o} within {Patience}.");
    }
}
