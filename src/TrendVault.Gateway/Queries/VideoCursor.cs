using System.Buffers.Text;
using System.Globalization;
using System.Text;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Validation;

namespace TrendVault.Gateway.Queries;

/// <summary>
/// Where a page of the video list ended: its sort, the last row's value of that sort (null for a video
/// without one, which sorts last) and the last row's id. The list hands it out as <c>next</c> and reads
/// it back from <c>after=</c>, so each further page is an index range from that row instead of an
/// OFFSET that reads every row it skips. Opaque to clients: base64url of the three parts.
/// </summary>
public sealed record VideoCursor(VideoSort Sort, string? Key, string VideoId)
{
    private const char Separator = '\n';

    /// <summary>The cursor after <paramref name="last"/>; views come from the sighting the list sorts on.</summary>
    public static VideoCursor After(VideoSort sort, VideoListItem last, long? sortedViews) => new(sort, sort switch
    {
        VideoSort.FirstSeen => Micros(last.FirstSeenAt),
        VideoSort.Published => last.PublishedAt is { } published ? Micros(published) : null,
        VideoSort.Title => last.Title,
        VideoSort.Views => sortedViews?.ToString(CultureInfo.InvariantCulture),
        _ => Micros(last.LastSeenAt),
    }, last.VideoId);

    /// <summary>The sort value as the query's parameter: a time, a view count or a title.</summary>
    public object? KeyValue => Key is null ? null : Sort switch
    {
        VideoSort.Title => Key,
        VideoSort.Views => long.Parse(Key, CultureInfo.InvariantCulture),
        _ => DateTimeOffset.UnixEpoch.AddTicks(long.Parse(Key, CultureInfo.InvariantCulture) * 10),
    };

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Sort}{Separator}{(Key is null ? "-" : "=" + Key)}{Separator}{VideoId}"));

    /// <summary>Reads a cursor this list gave out; anything else is null.</summary>
    public static VideoCursor? Decode(string value)
    {
        if (value.Length > 2_000 || !Base64Url.IsValid(value))
        {
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(value));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
        // A title may hold the separator: the sort is before the first one, the id after the last.
        var first = text.IndexOf(Separator);
        var last = text.LastIndexOf(Separator);
        if (first < 0 || last <= first
            || !Enum.GetNames<VideoSort>().Contains(text[..first], StringComparer.Ordinal)
            || !RequestParsing.IsVideoId(text[(last + 1)..]))
        {
            return null;
        }
        var key = text[(first + 1)..last];
        var cursor = new VideoCursor(Enum.Parse<VideoSort>(text[..first]), key == "-" ? null : key.StartsWith('=') ? key[1..] : "\0", text[(last + 1)..]);
        return cursor.IsWellFormed() ? cursor : null;
    }

    private bool IsWellFormed() => Sort switch
    {
        VideoSort.Title => Key is not null && !Key.Contains('\0'),
        VideoSort.Views => Key is null || IsInteger(Key, 0),
        VideoSort.Published => Key is null || IsInteger(Key, -Limit),
        _ => Key is not null && IsInteger(Key, -Limit),
    };

    // Microseconds within ±317 years of 1970 and any view count: the conversions cannot overflow.
    private const long Limit = 10_000_000_000_000_000;

    private static bool IsInteger(string key, long minimum) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= minimum && number < Limit;

    private static string Micros(DateTimeOffset time) =>
        ((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture);
}
