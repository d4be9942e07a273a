using System.Globalization;
using System.Xml;
using TrendVault.Model;
using TrendVault.YouTube.Api.Data;

namespace TrendVault.YouTube;

/// <summary>Turns the API's video resource into TrendVault's model, keeping hidden counters null.</summary>
public static class VideoMapper
{
    /// <summary>Null when the item lacks what a snapshot needs (id, snippet or a view count).</summary>
    public static VideoObservation? ToObservation(Video video)
    {
        if (string.IsNullOrEmpty(video.Id) || video.Snippet is not { } snippet || video.Statistics?.ViewCount is not { } views)
        {
            return null;
        }
        var metadata = new VideoMetadata(
            video.Id,
            Text(snippet.Title) ?? string.Empty,
            snippet.ChannelId ?? string.Empty,
            Text(snippet.ChannelTitle) ?? string.Empty,
            int.TryParse(snippet.CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out var category) ? category : null,
            snippet.PublishedAt?.ToUniversalTime(),
            ParseDuration(video.ContentDetails?.Duration),
            snippet.Tags?.Select(tag => Text(tag)!).ToArray() ?? [],
            Text(snippet.Description),
            BestThumbnail(snippet.Thumbnails),
            snippet.DefaultAudioLanguage);
        var statistics = new VideoStatistics(
            ToInt64(views),
            video.Statistics.LikeCount is { } likes ? ToInt64(likes) : null,
            video.Statistics.CommentCount is { } comments ? ToInt64(comments) : null);
        return new VideoObservation(metadata, statistics);
    }

    /// <summary>ISO-8601 duration (PT1H2M3S, P0D for live); null when absent or not parseable.</summary>
    public static TimeSpan? ParseDuration(string? iso)
    {
        if (string.IsNullOrEmpty(iso))
        {
            return null;
        }
        try
        {
            return XmlConvert.ToTimeSpan(iso);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // JSON allows U+0000 in strings, PostgreSQL text does not.
    private static string? Text(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);

    private static string? BestThumbnail(ThumbnailDetails? thumbnails) =>
        thumbnails?.High?.Url ?? thumbnails?.Medium?.Url ?? thumbnails?.Default?.Url;

    private static long ToInt64(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
