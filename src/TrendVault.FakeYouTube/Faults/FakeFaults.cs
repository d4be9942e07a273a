namespace TrendVault.FakeYouTube.Faults;

/// <summary>
/// Faults switched on per region. A region's fault answers that region's chart requests; the
/// <see cref="AllRegions"/> fault answers every API request (charts, id lookups, categories, regions) and wins
/// over a region's own fault. A fault with a count answers that many requests and then clears itself.
/// </summary>
public sealed class FakeFaults
{
    public const string AllRegions = "*";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (FakeFaultKind Kind, int? Remaining)> _faults = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="region">A region code, or <see cref="AllRegions"/>.</param>
    /// <param name="count">How many requests to fail; null fails them until cleared.</param>
    public void Set(string region, FakeFaultKind kind, int? count = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A fault count must be positive or null.");
        }

        lock (_gate)
        {
            _faults[region] = (kind, count);
        }
    }

    public void Clear(string region)
    {
        lock (_gate)
        {
            _faults.Remove(region);
        }
    }

    public void ClearAll()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>The faults in force, by region (upper-case as set, or "*").</summary>
    public IReadOnlyDictionary<string, (FakeFaultKind Kind, int? Remaining)> Active
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, (FakeFaultKind, int?)>(_faults, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Consumes one answer of the region's fault, if any.</summary>
    internal bool TryTake(string region, out FakeFaultKind kind)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(region, out var fault))
            {
                kind = default;
                return false;
            }

            kind = fault.Kind;
            if (fault.Remaining == 1)
            {
                _faults.Remove(region);
            }
            else if (fault.Remaining is { } remaining)
            {
                _faults[region] = (fault.Kind, remaining - 1);
            }

            return true;
        }
    }
}
