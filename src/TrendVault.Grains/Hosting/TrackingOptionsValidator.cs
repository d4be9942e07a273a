using Microsoft.Extensions.Options;
using TrendVault.Grains.Tracking;

namespace TrendVault.Grains.Hosting;

/// <summary>The trackers must get a tick inside every bucket after they have waited for the charts.</summary>
public sealed class TrackingOptionsValidator(IOptions<CollectionOptions> collection) : IValidateOptions<TrackingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        var bucket = collection.Value.BucketSize;
        var wait = options.EffectiveRefreshAfter(bucket);
        if (wait < TimeSpan.Zero || wait >= bucket)
        {
            return ValidateOptionsResult.Fail($"Tracking:RefreshAfter {wait} must be at least zero and shorter than Collection:BucketSize {bucket}.");
        }
        return collection.Value.TickPeriod > bucket - wait
            ? ValidateOptionsResult.Fail($"Collection:TickPeriod {collection.Value.TickPeriod} must not exceed Collection:BucketSize minus Tracking:RefreshAfter ({bucket - wait}), or trackers could miss whole buckets.")
            : ValidateOptionsResult.Success;
    }
}
