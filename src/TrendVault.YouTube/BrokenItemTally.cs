using TrendVault.Model;

namespace TrendVault.YouTube;

/// <summary>Adds up the defects of one answer's items into the <see cref="BrokenItems"/> of its chart.</summary>
public sealed class BrokenItemTally
{
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private int _repaired;
    private int _skipped;

    public void Add(ItemDefects defects)
    {
        if (defects == ItemDefects.None)
        {
            return;
        }
        if ((defects & ItemDefectNames.Unusable) != 0)
        {
            _skipped++;
        }
        else
        {
            _repaired++;
        }
        foreach (var reason in ItemDefectNames.Of(defects))
        {
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
        }
    }

    public BrokenItems ToBrokenItems() =>
        _repaired == 0 && _skipped == 0 ? BrokenItems.None : new BrokenItems(_repaired, _skipped, new Dictionary<string, int>(_reasons, StringComparer.Ordinal));
}
