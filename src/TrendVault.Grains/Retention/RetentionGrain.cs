using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage.Retention;

namespace TrendVault.Grains.Retention;

/// <summary>One reminder for the cluster that removes data older than the retention window; idempotent.</summary>
public sealed class RetentionGrain(
    SnapshotRetention retention,
    IOptions<RetentionOptions> options,
    [FromKeyedServices(CollectionClock.Key)] TimeProvider clock) : Grain, IRetentionGrain, IRemindable
{
    private const string ReminderName = "retain";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var reminder = await this.GetReminder(ReminderName);
        if (options.Value.Days is null)
        {
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        if (reminder is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.Period, options.Value.Period);
        }
    }

    public async Task<RetentionResult?> PruneNowAsync(CancellationToken cancellationToken = default) => options.Value.Days is { } days
        ? await retention.PruneAsync(clock.GetUtcNow() - TimeSpan.FromDays(days), options.Value.BatchSize, cancellationToken)
        : null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => PruneNowAsync();
}
