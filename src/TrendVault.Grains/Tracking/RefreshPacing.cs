using TrendVault.Storage.Tracking;

namespace TrendVault.Grains.Tracking;

/// <summary>
/// Which tracked videos a bucket refreshes when the budget cannot refresh them all. A video's age is the
/// number of whole days since its last chart sighting. At pacing level L a video of age d is refreshed
/// every 2^min(d, L) buckets: level 0 refreshes everything every bucket; level 1 keeps day-0 videos
/// hourly and refreshes older ones every 2nd bucket; level 2 also stretches day-2+ videos to every
/// 4th bucket, and so on up to <see cref="MaxLevel"/>. The lowest level whose due videos fit the capacity
/// is used. Each video's turn is fixed by a hash of its key, so the periods nest (a video due every 4th
/// bucket is also due in the every-2nd pattern) and each bucket gets an even slice of every age.
/// </summary>
public static class RefreshPacing
{
    /// <summary>At most every 64th bucket: even the oldest video of a 7-day window gets refreshed twice.</summary>
    public const int MaxLevel = 6;

    /// <param name="candidates">Tracked videos, most recently sighted first (their priority when even the top level does not fit).</param>
    /// <param name="capacity">Videos the budget lets this bucket refresh.</param>
    public static RefreshPlan Plan(IReadOnlyList<RefreshCandidate> candidates, DateTimeOffset bucket, TimeSpan bucketSize, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var index = (bucket - DateTimeOffset.UnixEpoch).Ticks / bucketSize.Ticks;
        for (var level = 0; level <= MaxLevel; level++)
        {
            var due = candidates.Where(c => IsDue(c, bucket, index, level)).ToList();
            if (due.Count <= capacity || level == MaxLevel)
            {
                return new RefreshPlan(due.Take(capacity).Select(c => c.YouTubeId).ToList(), level, candidates.Count);
            }
        }
        throw new InvalidOperationException("unreachable: the last level always returns");
    }

    /// <summary>Buckets between two refreshes of a video <paramref name="ageDays"/> days off the chart at <paramref name="level"/>.</summary>
    public static int Period(int ageDays, int level) => 1 << Math.Min(Math.Max(ageDays, 0), Math.Clamp(level, 0, MaxLevel));

    private static bool IsDue(RefreshCandidate candidate, DateTimeOffset bucket, long bucketIndex, int level)
    {
        var period = Period((int)((bucket - candidate.LastSeenAt).Ticks / TimeSpan.TicksPerDay), level);
        return period == 1 || (bucketIndex + Phase(candidate.VideoKey)) % period == 0;
    }

    // Fibonacci hashing spreads consecutive keys (and a shard's keys, all equal modulo the shard count) evenly.
    private static long Phase(long videoKey) => (long)(((ulong)videoKey * 0x9E3779B97F4A7C15UL) >> 40);
}
