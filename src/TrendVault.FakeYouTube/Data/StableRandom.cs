namespace TrendVault.FakeYouTube.Data;

/// <summary>
/// SplitMix64 generator. Used instead of System.Random and string.GetHashCode because the catalogue
/// must be identical in every process and on every .NET version.
/// </summary>
internal sealed class StableRandom(ulong seed)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state = seed;

    public static StableRandom For(string key) => new(Hash(key));

    public ulong NextUInt64() => Mix(_state += Golden);

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public long NextLong(long min, long maxExclusive) => min + (long)(NextUInt64() % (ulong)(maxExclusive - min));

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The SplitMix64 finaliser; a bijection, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static ulong Hash(string key)
    {
        var h = 14695981039346656037; // FNV-1a
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211;
        }

        return Mix(h);
    }
}
