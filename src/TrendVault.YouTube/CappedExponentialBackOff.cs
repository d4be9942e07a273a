using Google.Apis.Util;

namespace TrendVault.YouTube;

/// <summary>
/// Doubling delays from a base, capped, with ±20 % jitter. Google's own ExponentialBackOff starts
/// at one second, too slow for tests and the fake API.
/// </summary>
public sealed class CappedExponentialBackOff(TimeSpan baseDelay, TimeSpan maxDelay, int maxRetries) : IBackOff
{
    public int MaxNumOfRetries => maxRetries;

    public TimeSpan GetNextBackOff(int currentRetry)
    {
        if (currentRetry <= 0 || currentRetry > maxRetries)
        {
            return TimeSpan.MinValue;
        }
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, currentRetry - 1);
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jitter = 1 + ((Random.Shared.NextDouble() * 0.4) - 0.2);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
