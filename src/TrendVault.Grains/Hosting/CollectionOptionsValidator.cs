using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TrendVault.Grains.Hosting;

/// <summary>Fails start-up with the exact setting that is wrong.</summary>
public sealed class CollectionOptionsValidator(IOptions<ReminderOptions> reminders) : IValidateOptions<CollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectionOptions options)
    {
        if (!options.IsValid(out var error))
        {
            return ValidateOptionsResult.Fail(error);
        }
        // Orleans refuses shorter reminder periods; catching it here beats a start-up that retries forever.
        var minimum = reminders.Value.MinimumReminderPeriod;
        return options.TickPeriod < minimum
            ? ValidateOptionsResult.Fail($"Collection:TickPeriod {options.TickPeriod} is below the minimum reminder period {minimum}.")
            : ValidateOptionsResult.Success;
    }
}
