using TrendVault.Gateway.Contracts;

namespace TrendVault.Gateway.Queries;

/// <summary>
/// One row of video_snapshot_days as stored (sql/0006): per metric a base plus one offset per slot of
/// the day. The hourly series reads these rows and unpacks them here rather than unnesting every slot
/// in SQL: a year is 365 rows instead of 8,760, and the database does a third of the work.
/// </summary>
public sealed record CompactedDay(
    DateTimeOffset Day, int SlotSeconds,
    long ViewsBase, int?[] ViewsOff,
    long? LikesBase, int?[]? LikesOff,
    long? CommentsBase, int?[]? CommentsOff)
{
    /// <summary>How many snapshots the day holds: the most <see cref="Points"/> can give.</summary>
    public int Slots => ViewsOff.Count(offset => offset is not null);

    /// <summary>The day's snapshots within [<paramref name="from"/>, <paramref name="to"/>], as video_points gives them.</summary>
    public IEnumerable<SnapshotPoint> Points(DateTimeOffset from, DateTimeOffset to)
    {
        for (var slot = 0; slot < ViewsOff.Length; slot++)
        {
            if (ViewsOff[slot] is not { } views)
            {
                continue;
            }
            var bucket = Day.AddSeconds((double)SlotSeconds * slot);
            if (bucket >= from && bucket <= to)
            {
                yield return new SnapshotPoint(bucket, ViewsBase + views, Value(LikesBase, LikesOff, slot), Value(CommentsBase, CommentsOff, slot));
            }
        }
    }

    // A NULL base, array or slot is a hidden count; a shorter array ends as NULLs, as unnest pads it.
    private static long? Value(long? @base, int?[]? offsets, int slot) =>
        @base is { } b && offsets is not null && slot < offsets.Length && offsets[slot] is { } offset ? b + offset : null;
}
