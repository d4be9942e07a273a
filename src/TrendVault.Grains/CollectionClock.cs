namespace TrendVault.Grains;

/// <summary>
/// DI key of the <see cref="TimeProvider"/> the collection reads. Keyed so tests can move TrendVault's
/// clock without moving the one Orleans itself runs on.
/// </summary>
public static class CollectionClock
{
    public const string Key = "TrendVault.CollectionClock";
}
