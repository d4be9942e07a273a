namespace TrendVault.FakeYouTube.Data;

/// <summary>Linear growth per counter: value = base + perHour * elapsedSeconds / 3600 (integer division).</summary>
internal readonly record struct VideoGrowth(
    long BaseViews, long ViewsPerHour, long BaseLikes, long LikesPerHour, long BaseComments, long CommentsPerHour)
{
    public FakeVideoStatistics At(long elapsedSeconds, bool likesHidden, bool commentsDisabled) => new(
        Grow(BaseViews, ViewsPerHour, elapsedSeconds),
        likesHidden ? null : Grow(BaseLikes, LikesPerHour, elapsedSeconds),
        commentsDisabled ? null : Grow(BaseComments, CommentsPerHour, elapsedSeconds));

    private static long Grow(long start, long perHour, long elapsedSeconds) => start + perHour * elapsedSeconds / 3600;
}
