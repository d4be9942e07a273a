using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrendVault.Gateway.Limits;

/// <summary>
/// The exports that may stream at once. An export over the limit is refused at once rather than
/// queued: a queued download would hold its client (and the gateway's memory) for nothing.
/// </summary>
public sealed class ExportSlots(IOptions<ExportOptions> options) : IDisposable
{
    /// <summary>How long a refused client is told to wait: exports take seconds to minutes.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxConcurrent, QueueLimit = 0 });

    public int Limit => options.Value.MaxConcurrent;

    /// <summary>A slot to dispose when the export ends, or null when every slot is taken.</summary>
    public IDisposable? TryEnter()
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
