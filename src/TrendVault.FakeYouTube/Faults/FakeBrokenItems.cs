namespace TrendVault.FakeYouTube.Faults;

/// <summary>
/// Broken items switched on per region: the chart item at a 1-based position is served broken on
/// every chart request until cleared. The other items of the chart are served as usual.
/// </summary>
public sealed class FakeBrokenItems
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<int, FakeBrokenItemKind>> _regions = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string region, int position, FakeBrokenItemKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        lock (_gate)
        {
            if (!_regions.TryGetValue(region, out var items))
            {
                _regions[region] = items = [];
            }
            items[position] = kind;
        }
    }

    public void Clear(string region)
    {
        lock (_gate)
        {
            _regions.Remove(region);
        }
    }

    public void ClearAll()
    {
        lock (_gate)
        {
            _regions.Clear();
        }
    }

    /// <summary>The broken positions of each region, by position.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, FakeBrokenItemKind>> Active
    {
        get
        {
            lock (_gate)
            {
                return _regions.ToDictionary(
                    r => r.Key, r => (IReadOnlyDictionary<int, FakeBrokenItemKind>)new Dictionary<int, FakeBrokenItemKind>(r.Value),
                    StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    internal FakeBrokenItemKind? At(string region, int position)
    {
        lock (_gate)
        {
            return _regions.TryGetValue(region, out var items) && items.TryGetValue(position, out var kind) ? kind : null;
        }
    }
}
