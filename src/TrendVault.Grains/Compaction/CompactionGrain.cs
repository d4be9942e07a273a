using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrendVault.Storage.Compaction;

namespace TrendVault.Grains.Compaction;

/// <summary>One reminder for the cluster that compacts days past the hot window; idempotent, so a repeated tick is harmless.</summary>
public sealed class CompactionGrain(
    SnapshotCompactor compactor,
    IOptions<CompactionOptions> compaction,
    IOptions<CollectionOptions> collection,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock) : Grain, ICompactionGrain, IRemindable
{
    private const string ReminderName = "compact";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, compaction.Value.Period, compaction.Value.Period);
        }
    }

    public Task<long> CompactNowAsync(CancellationToken cancellationToken = default) =>
        compactor.CompactAsync(clock.GetUtcNow() - compaction.Value.HotWindow, collection.Value.BucketSize, cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) => CompactNowAsync();
}
