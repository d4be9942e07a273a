using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using TrendVault.Model;
using TrendVault.Storage.Import;

namespace TrendVault.Import.Csv;

/// <summary>
/// Reads one public trending CSV file (any of the three <see cref="TrendingCsvLayout"/>s) into
/// <see cref="ImportedRow"/>s. A bad data row never throws: it lands in <see cref="Skipped"/> with the
/// file line it starts on and why, and reading goes on. The reader owns the stream it was opened on.
/// </summary>
public sealed class TrendingCsvReader : IDisposable
{
    private static readonly LayoutColumns[] Layouts =
    [
        new(TrendingCsvLayout.First2017,
            ["video_id", "title", "channel_title", "category_id", "tags", "views", "likes", "dislikes", "comment_total", "thumbnail_link", "date"],
            videoId: "video_id", title: "title", channelId: null, channelTitle: "channel_title", categoryId: "category_id",
            publishedAt: null, trendingDate: "date", tags: "tags", views: "views", likes: "likes", dislikes: "dislikes",
            comments: "comment_total", thumbnail: "thumbnail_link", commentsDisabled: null, ratingsDisabled: null, description: null),
        new(TrendingCsvLayout.Classic2017,
            ["video_id", "trending_date", "title", "channel_title", "category_id", "publish_time", "tags", "views", "likes", "dislikes",
             "comment_count", "thumbnail_link", "comments_disabled", "ratings_disabled", "video_error_or_removed", "description"],
            videoId: "video_id", title: "title", channelId: null, channelTitle: "channel_title", categoryId: "category_id",
            publishedAt: "publish_time", trendingDate: "trending_date", tags: "tags", views: "views", likes: "likes", dislikes: "dislikes",
            comments: "comment_count", thumbnail: "thumbnail_link", commentsDisabled: "comments_disabled", ratingsDisabled: "ratings_disabled",
            description: "description"),
        new(TrendingCsvLayout.Daily2020,
            ["video_id", "title", "publishedAt", "channelId", "channelTitle", "categoryId", "trending_date", "tags", "view_count", "likes",
             "dislikes", "comment_count", "thumbnail_link", "comments_disabled", "ratings_disabled", "description"],
            videoId: "video_id", title: "title", channelId: "channelId", channelTitle: "channelTitle", categoryId: "categoryId",
            publishedAt: "publishedAt", trendingDate: "trending_date", tags: "tags", views: "view_count", likes: "likes", dislikes: "dislikes",
            comments: "comment_count", thumbnail: "thumbnail_link", commentsDisabled: "comments_disabled", ratingsDisabled: "ratings_disabled",
            description: "description"),
    ];

    // ISO-8601 as the files write it; ".FFFFFFF" also matches no fraction ("2017-11-13T17:13:01.000Z", "2020-08-12T00:00:00Z").
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";

    private static readonly string[] NoTags = [];

    private readonly Stream stream;
    private readonly CsvParser parser;
    private readonly LayoutColumns columns;
    private readonly List<SkippedRow> skipped = [];
    private string[] fields;
    private string? badQuoting;
    private int badQuotingColumn;

    private TrendingCsvReader(Stream stream)
    {
        this.stream = stream;
        // StreamReader drops a UTF-8 BOM, which two of the published layouts carry.
        var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Called as a field is read: the row is skipped rather than the whole file failing.
            BadDataFound = args => NoteBadQuoting(args.Field),
        });
        try
        {
            columns = DetectLayout(parser);
        }
        catch
        {
            parser.Dispose();
            throw;
        }
        fields = new string[columns.Header.Length];
    }

    public TrendingCsvLayout Layout => columns.Layout;

    /// <summary>How far into the stream the reader is (ahead by its buffer); 0 for a stream that cannot tell.</summary>
    public long BytesRead => stream.CanSeek ? stream.Position : 0;

    public IReadOnlyList<SkippedRow> Skipped => skipped;

    /// <summary>Imported rows that carried a dislike count: the API no longer reports dislikes, so they are not stored.</summary>
    public long DislikesSeen { get; private set; }

    /// <summary>Reads the header and picks the layout it names; throws <see cref="InvalidDataException"/> for any other header.</summary>
    public static TrendingCsvReader Open(Stream stream) => new(stream);

    /// <summary>Streams the rows once; rows that cannot be imported are added to <see cref="Skipped"/> as they pass.</summary>
    public IEnumerable<ImportedRow> ReadRows()
    {
        while (parser.Read())
        {
            var count = ReadFields();
            var line = StartLine(count);
            var reason = TryConvert(count, line, out var row);
            if (row is not null)
            {
                yield return row;
            }
            else
            {
                skipped.Add(new SkippedRow(line, reason!));
            }
        }
    }

    public void Dispose() => parser.Dispose();

    private static LayoutColumns DetectLayout(CsvParser parser)
    {
        if (!parser.Read())
        {
            throw new InvalidDataException("The file is empty: a trending CSV starts with a header line.");
        }
        var header = (parser.Record ?? []).Select(name => name.Trim()).ToArray();
        return Layouts.FirstOrDefault(layout => layout.Header.AsSpan().SequenceEqual(header))
            ?? throw new InvalidDataException(
                $"The header names the columns [{string.Join(", ", header)}], which match none of the known trending layouts: "
                + string.Join("; ", Layouts.Select(layout => $"{layout.Layout} [{string.Join(", ", layout.Header)}]")) + ".");
    }

    private void NoteBadQuoting(string field) => badQuoting ??= field;

    // Every field is read, even those not imported, so that bad quoting anywhere is noticed and the
    // record's embedded line breaks can be counted.
    private int ReadFields()
    {
        badQuoting = null;
        badQuotingColumn = -1;
        var count = parser.Count;
        if (fields.Length < count)
        {
            Array.Resize(ref fields, count);
        }
        for (var i = 0; i < count; i++)
        {
            fields[i] = parser[i] ?? "";
            if (badQuoting is not null && badQuotingColumn < 0)
            {
                badQuotingColumn = i;
            }
        }
        return count;
    }

    // The parser counts physical lines up to the end of the record; a description may hold line breaks
    // inside its quotes, so those are taken back off to find where the record began.
    private int StartLine(int count)
    {
        var breaks = 0;
        for (var i = 0; i < count; i++)
        {
            var field = fields[i].AsSpan();
            for (var at = field.IndexOfAny('\r', '\n'); at >= 0; at = field.IndexOfAny('\r', '\n'))
            {
                breaks++;
                var crlf = field[at] == '\r' && at + 1 < field.Length && field[at + 1] == '\n';
                field = field[(at + (crlf ? 2 : 1))..];
            }
        }
        return parser.RawRow - breaks;
    }

    // Returns why the record cannot be imported, or null with the row.
    private string? TryConvert(int count, int line, out ImportedRow? row)
    {
        row = null;
        var c = columns;
        if (count != c.Header.Length)
        {
            return $"expected {c.Header.Length} fields, found {count}";
        }
        if (badQuoting is not null)
        {
            var column = badQuotingColumn >= 0 ? $"column '{c.Header[badQuotingColumn]}'" : "a column";
            return badQuoting.StartsWith('"')
                ? $"the quoted value of {column} does not close properly (is the file cut off?): {Shorten(badQuoting)}"
                : $"{column} holds a stray double quote: {Shorten(badQuoting)}";
        }

        var videoId = fields[c.VideoId];
        if (!IsYouTubeId(videoId))
        {
            return $"video_id '{videoId}' is not an 11-character YouTube id";
        }
        if (!TryParseTrendingDay(fields[c.TrendingDate], out var bucket))
        {
            return $"{c.Header[c.TrendingDate]} '{fields[c.TrendingDate]}' is not {DateShape()}";
        }
        DateTimeOffset? publishedAt = null;
        if (c.PublishedAt >= 0 && fields[c.PublishedAt].Length > 0)
        {
            if (!TryParseIso(fields[c.PublishedAt], out var published))
            {
                return $"{c.Header[c.PublishedAt]} '{fields[c.PublishedAt]}' is not an ISO-8601 date";
            }
            publishedAt = published;
        }
        int? categoryId = null;
        if (fields[c.CategoryId].Length > 0)
        {
            if (!int.TryParse(fields[c.CategoryId], NumberStyles.None, CultureInfo.InvariantCulture, out var category))
            {
                return $"{c.Header[c.CategoryId]} '{fields[c.CategoryId]}' is not a whole number";
            }
            categoryId = category;
        }
        if (!TryParseCount(fields[c.Views], out var views) || views is null)
        {
            return NotACount(c.Views);
        }
        // Disabled ratings or comments are stored as unknown (NULL), never as the 0 the file writes.
        long? likes = null;
        if (!IsTrue(c.RatingsDisabled) && !TryParseCount(fields[c.Likes], out likes))
        {
            return NotACount(c.Likes);
        }
        long? comments = null;
        if (!IsTrue(c.CommentsDisabled) && !TryParseCount(fields[c.Comments], out comments))
        {
            return NotACount(c.Comments);
        }

        var description = c.Description >= 0 ? NullIfEmpty(fields[c.Description]) : null;
        if (c.Layout == TrendingCsvLayout.Classic2017 && description is not null)
        {
            // The 2017-2018 files escaped line breaks as the two characters \n.
            description = description.Replace("\\n", "\n", StringComparison.Ordinal);
        }
        var video = new VideoMetadata(
            videoId,
            fields[c.Title],
            c.ChannelId >= 0 ? fields[c.ChannelId] : "",
            fields[c.ChannelTitle],
            categoryId,
            publishedAt,
            Duration: null,
            ParseTags(fields[c.Tags]),
            description,
            NullIfEmpty(fields[c.Thumbnail]),
            DefaultAudioLanguage: null);
        if (fields[c.Dislikes] is not ("" or "0"))
        {
            DislikesSeen++;
        }
        row = new ImportedRow(line, video, bucket, new VideoStatistics(views, likes, comments));
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private string NotACount(int column) =>
        $"{columns.Header[column]} '{fields[column]}' is not a non-negative whole number";

    private string DateShape() => columns.Layout switch
    {
        TrendingCsvLayout.First2017 => "a dd.mm date",
        TrendingCsvLayout.Classic2017 => "a yy.dd.mm date",
        _ => "an ISO-8601 date",
    };

    private bool IsTrue(int column) => column >= 0 && fields[column].Equals("True", StringComparison.OrdinalIgnoreCase);

    private bool TryParseTrendingDay(string text, out DateTimeOffset bucket)
    {
        bucket = default;
        switch (columns.Layout)
        {
            case TrendingCsvLayout.First2017:
                // "13.09": the first dataset covered September and October 2017 and wrote no year.
                return text.Length == 5 && text[2] == '.'
                    && TryDay(2017, text.AsSpan(3, 2), text.AsSpan(0, 2), out bucket);
            case TrendingCsvLayout.Classic2017:
                // "17.14.11" is yy.dd.mm.
                return text.Length == 8 && text[2] == '.' && text[5] == '.'
                    && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy)
                    && TryDay(2000 + yy, text.AsSpan(6, 2), text.AsSpan(3, 2), out bucket);
            default:
                if (!TryParseIso(text, out var instant))
                {
                    return false;
                }
                // The day, like the other layouts: the files' times are all 00:00, and a count of a day is read at an unknown hour.
                bucket = new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero);
                return true;
        }
    }

    private static bool TryDay(int year, ReadOnlySpan<char> month, ReadOnlySpan<char> day, out DateTimeOffset bucket)
    {
        bucket = default;
        if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > DateTime.DaysInMonth(year, m))
        {
            return false;
        }
        bucket = new DateTimeOffset(year, m, d, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    private static bool TryParseIso(string text, out DateTimeOffset instant)
    {
        // A time without an offset is taken as UTC, as YouTube writes them.
        if (DateTimeOffset.TryParseExact(text, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
        {
            instant = instant.ToUniversalTime();
            return true;
        }
        return false;
    }

    // Empty means the file did not say: null. Anything but digits (a sign, a decimal point) is bad.
    private static bool TryParseCount(string text, out long? count)
    {
        count = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        count = value;
        return true;
    }

    private static bool IsYouTubeId(string id)
    {
        if (id.Length != 11)
        {
            return false;
        }
        foreach (var ch in id)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    // "a|b" (2020), "\"a\"|\"b\"" (2017-2018) or "[none]" for no tags.
    private static IReadOnlyList<string> ParseTags(string text)
    {
        if (text.Length == 0 || text.Equals("[none]", StringComparison.OrdinalIgnoreCase))
        {
            return NoTags;
        }
        var tags = new List<string>();
        foreach (var part in text.AsSpan().Split('|'))
        {
            var tag = text.AsSpan(part).Trim('"');
            if (!tag.IsEmpty)
            {
                tags.Add(tag.ToString());
            }
        }
        return tags;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Where each imported field sits in one layout; -1 for a column the layout lacks.</summary>
    private sealed class LayoutColumns(
        TrendingCsvLayout layout, string[] header, string videoId, string title, string? channelId, string channelTitle,
        string categoryId, string? publishedAt, string trendingDate, string tags, string views, string likes, string dislikes,
        string comments, string thumbnail, string? commentsDisabled, string? ratingsDisabled, string? description)
    {
        public TrendingCsvLayout Layout { get; } = layout;
        public string[] Header { get; } = header;
        public int VideoId { get; } = Array.IndexOf(header, videoId);
        public int Title { get; } = Array.IndexOf(header, title);
        public int ChannelId { get; } = channelId is null ? -1 : Array.IndexOf(header, channelId);
        public int ChannelTitle { get; } = Array.IndexOf(header, channelTitle);
        public int CategoryId { get; } = Array.IndexOf(header, categoryId);
        public int PublishedAt { get; } = publishedAt is null ? -1 : Array.IndexOf(header, publishedAt);
        public int TrendingDate { get; } = Array.IndexOf(header, trendingDate);
        public int Tags { get; } = Array.IndexOf(header, tags);
        public int Views { get; } = Array.IndexOf(header, views);
        public int Likes { get; } = Array.IndexOf(header, likes);
        public int Dislikes { get; } = Array.IndexOf(header, dislikes);
        public int Comments { get; } = Array.IndexOf(header, comments);
        public int Thumbnail { get; } = Array.IndexOf(header, thumbnail);
        public int CommentsDisabled { get; } = commentsDisabled is null ? -1 : Array.IndexOf(header, commentsDisabled);
        public int RatingsDisabled { get; } = ratingsDisabled is null ? -1 : Array.IndexOf(header, ratingsDisabled);
        public int Description { get; } = description is null ? -1 : Array.IndexOf(header, description);
    }
}
