using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using TrendVault.Model;
using TrendVault.YouTube.Api.Data;

namespace TrendVault.YouTube;

/// <summary>
/// Turns the API's video resource into TrendVault's model, keeping hidden counters null. A broken item
/// costs only itself: text is repaired, an unstorable count or missing statistics become null counts,
/// and an item without a snippet or a valid id is unusable.
/// </summary>
public static partial class VideoMapper
{
    public static MappedVideo Map(Video? video)
    {
        var defects = ItemDefects.None;
        if (video?.Id is not { } id || !VideoIdPattern().IsMatch(id))
        {
            defects |= ItemDefects.InvalidId;
        }
        if (video?.Snippet is null)
        {
            defects |= ItemDefects.MissingSnippet;
        }
        if ((defects & ItemDefectNames.Unusable) != 0)
        {
            return new MappedVideo(null, defects);
        }
        var snippet = video!.Snippet!;
        var metadata = new VideoMetadata(
            video.Id!,
            TextRepair.Repair(snippet.Title, ref defects) ?? string.Empty,
            TextRepair.Repair(snippet.ChannelId, ref defects) ?? string.Empty,
            TextRepair.Repair(snippet.ChannelTitle, ref defects) ?? string.Empty,
            int.TryParse(snippet.CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out var category) ? category : null,
            snippet.PublishedAt?.ToUniversalTime(),
            ParseDuration(video.ContentDetails?.Duration),
            snippet.Tags?.Select(tag => TextRepair.Repair(tag, ref defects) ?? string.Empty).ToArray() ?? [],
            TextRepair.Repair(snippet.Description, ref defects),
            TextRepair.Repair(BestThumbnail(snippet.Thumbnails), ref defects),
            TextRepair.Repair(snippet.DefaultAudioLanguage, ref defects));
        return new MappedVideo(new VideoObservation(metadata, Statistics(video.Statistics, ref defects)), defects);
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

    private static VideoStatistics Statistics(VideoStatisticsData? statistics, ref ItemDefects defects)
    {
        if (statistics?.ViewCount is null)
        {
            defects |= ItemDefects.MissingStatistics;
        }
        return new VideoStatistics(
            Count(statistics?.ViewCount, ref defects),
            Count(statistics?.LikeCount, ref defects),
            Count(statistics?.CommentCount, ref defects));
    }

    // Absent means hidden (null); present but not a whole number within a bigint is unstorable (null too, and counted).
    private static long? Count(string? value, ref ItemDefects defects)
    {
        if (value is null)
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }
        defects |= ItemDefects.UnstorableCount;
        return null;
    }

    private static string? BestThumbnail(ThumbnailDetails? thumbnails) =>
        thumbnails?.High?.Url ?? thumbnails?.Medium?.Url ?? thumbnails?.Default?.Url;

    // What the gateway accepts as a video id: a video stored under any other id could never be looked up.
    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex VideoIdPattern();
}
