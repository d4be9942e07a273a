using System.Text;
using TrendVault.Import.Csv;
using TrendVault.Model;
using TrendVault.Storage.Import;

namespace TrendVault.Import.Tests;

public sealed class TrendingCsvReaderTests
{
    private const string First2017Header = "video_id,title,channel_title,category_id,tags,views,likes,dislikes,comment_total,thumbnail_link,date";

    private const string Classic2017Header =
        "video_id,trending_date,title,channel_title,category_id,publish_time,tags,views,likes,dislikes,comment_count,thumbnail_link,"
        + "comments_disabled,ratings_disabled,video_error_or_removed,description";

    private const string Daily2020Header =
        "video_id,title,publishedAt,channelId,channelTitle,categoryId,trending_date,tags,view_count,likes,dislikes,comment_count,"
        + "thumbnail_link,comments_disabled,ratings_disabled,description";

    // One good Classic2017 row, with its id and tail varied by the tests.
    private static string ClassicRow(string id, string trendingDate = "17.14.11", string views = "100", string description = "plain") =>
        $"{id},{trendingDate},A title,A channel,22,2017-11-13T17:13:01.000Z,\"\"\"a\"\"|\"\"b\"\"\",{views},5,1,2,https://i.ytimg.com/vi/{id}/default.jpg,False,False,False,{description}";

    [Theory]
    [InlineData("GBvideos-2017-09.csv", TrendingCsvLayout.First2017, 7997, 1736, "2017-09-13", "2017-10-22", 7885)]
    [InlineData("USvideos-2017-11-sample.csv", TrendingCsvLayout.Classic2017, 25, 25, "2017-11-14", "2017-11-14", 25)]
    public void A_shared_file_is_read_whole_with_nothing_skipped(
        string file, TrendingCsvLayout layout, int rows, int videos, string firstDay, string lastDay, long dislikesSeen)
    {
        var read = ReadFile(file);

        Assert.Equal(layout, read.Layout);
        Assert.Empty(read.Skipped);
        Assert.Equal(rows, read.Rows.Count);
        Assert.Equal(videos, read.Rows.Select(row => row.Video.YouTubeId).Distinct().Count());
        Assert.Equal(Day(firstDay), read.Rows.Min(row => row.Bucket));
        Assert.Equal(Day(lastDay), read.Rows.Max(row => row.Bucket));
        Assert.Equal(dislikesSeen, read.DislikesSeen);
        Assert.Equal(new FileInfo(SharedDatasets.File(file)).Length, read.BytesRead);
    }

    // The 2020 copies hold only the first ~1.28 MB of each country's file: the cut falls inside the last
    // record's quoted description, so that record is incomplete and is reported rather than imported.
    [Theory]
    [InlineData("US_youtube_trending_data.csv", 872, 329, "2020-08-16", 2646, 872)]
    [InlineData("GB_youtube_trending_data.csv", 852, 346, "2020-08-16", 2890, 852)]
    public void A_2020_file_cut_off_inside_a_description_loses_only_its_last_record(
        string file, int rows, int videos, string lastDay, int lastRecordLine, long dislikesSeen)
    {
        var read = ReadFile(file);

        Assert.Equal(TrendingCsvLayout.Daily2020, read.Layout);
        Assert.Equal(rows, read.Rows.Count);
        Assert.Equal(videos, read.Rows.Select(row => row.Video.YouTubeId).Distinct().Count());
        Assert.Equal(Day("2020-08-12"), read.Rows.Min(row => row.Bucket));
        Assert.Equal(Day(lastDay), read.Rows.Max(row => row.Bucket));
        Assert.Equal(dislikesSeen, read.DislikesSeen);
        var skipped = Assert.Single(read.Skipped);
        Assert.Equal(lastRecordLine, skipped.Line);
        Assert.StartsWith("the quoted value of column 'description' does not close properly (is the file cut off?)", skipped.Reason);
    }

    [Fact]
    public void The_first_row_of_the_2017_09_file_is_read_field_by_field()
    {
        var row = ReadFile("GBvideos-2017-09.csv").Rows[0];

        AssertRow(
            new ImportedRow(
                2,
                new VideoMetadata(
                    "jt2OHQh0HoQ",
                    "Live Apple Event - Apple September Event 2017 - iPhone 8, iPhone X, iOS 11 - Apple Keynote",
                    ChannelId: "",
                    "Apple Event",
                    CategoryId: 28,
                    PublishedAt: null,
                    Duration: null,
                    ["apple events", "apple event", "iphone 8", "iphone x", "iphone 8 plus", "iphone 7s", "iphone 7s plus", "ios 11"],
                    Description: null,
                    "https://i.ytimg.com/vi/jt2OHQh0HoQ/default_live.jpg",
                    DefaultAudioLanguage: null),
                Day("2017-09-13"),
                new VideoStatistics(7426393, 78240, 705)),
            row);
    }

    [Fact]
    public void The_first_row_of_the_classic_2017_file_is_read_field_by_field_with_its_escaped_line_breaks_restored()
    {
        var row = ReadFile("USvideos-2017-11-sample.csv").Rows[0];

        AssertRow(
            new ImportedRow(
                2,
                new VideoMetadata(
                    "2kyS6SvSYSE",
                    "WE WANT TO TALK ABOUT OUR MARRIAGE",
                    ChannelId: "",
                    "CaseyNeistat",
                    CategoryId: 22,
                    new DateTimeOffset(2017, 11, 13, 17, 13, 1, TimeSpan.Zero),
                    Duration: null,
                    ["SHANtell martin"],
                    "SHANTELL'S CHANNEL - https://www.youtube.com/shantellmartin\nCANDICE - https://www.lovebilly.com\n\n"
                    + "filmed this video in 4k on this -- http://amzn.to/2sTDnRZ\nwith this lens -- http://amzn.to/2rUJOmD\n"
                    + "big drone - http://tinyurl.com/h4ft3oy\nOTHER GEAR ---  http://amzn.to/2o3GLX5\nSony CAMERA http://amzn.to/2nOBmnv\n"
                    + "OLD CAMERA; http://amzn.to/2o2cQBT\nMAIN LENS; http://amzn.to/2od5gBJ\nBIG SONY CAMERA; http://amzn.to/2nrdJRO\n"
                    + "BIG Canon CAMERA; http://tinyurl.com/jn4q4vz\nBENDY TRIPOD THING; http://tinyurl.com/gw3ylz2\n"
                    + "YOU NEED THIS FOR THE BENDY TRIPOD; http://tinyurl.com/j8mzzua\nWIDE LENS; http://tinyurl.com/jkfcm8t\n"
                    + "MORE EXPENSIVE WIDE LENS; http://tinyurl.com/zrdgtou\nSMALL CAMERA; http://tinyurl.com/hrrzhor\n"
                    + "MICROPHONE; http://tinyurl.com/zefm4jy\nOTHER MICROPHONE; http://tinyurl.com/jxgpj86\n"
                    + "OLD DRONE (cheaper but still great);http://tinyurl.com/zcfmnmd\n\nfollow me; on http://instagram.com/caseyneistat\n"
                    + "on https://www.facebook.com/cneistat\non https://twitter.com/CaseyNeistat\n\n"
                    + "amazing intro song by https://soundcloud.com/discoteeth\n\n"
                    + "ad disclosure.  THIS IS NOT AN AD.  not selling or promoting anything.  but samsung did produce the Shantell Video as a "
                    + "'GALAXY PROJECT' which is an initiative that enables creators like Shantell and me to make projects we might otherwise "
                    + "not have the opportunity to make.  hope that's clear.  if not ask in the comments and i'll answer any specifics.",
                    "https://i.ytimg.com/vi/2kyS6SvSYSE/default.jpg",
                    DefaultAudioLanguage: null),
                Day("2017-11-14"),
                new VideoStatistics(748374, 57527, 15954)),
            row);
    }

    [Fact]
    public void The_first_row_of_the_US_2020_file_is_read_field_by_field_with_its_multi_line_description()
    {
        var row = ReadFile("US_youtube_trending_data.csv").Rows[0];

        AssertRow(
            new ImportedRow(
                2,
                new VideoMetadata(
                    "3C66w5Z0ixs",
                    "I ASKED HER TO BE MY GIRLFRIEND...",
                    "UCvtRTOMP2TqYqu51xNrqAzg",
                    "Brawadis",
                    CategoryId: 22,
                    new DateTimeOffset(2020, 8, 11, 19, 20, 14, TimeSpan.Zero),
                    Duration: null,
                    ["brawadis", "prank", "basketball", "skits", "ghost", "funny videos", "vlog", "vlogging", "NBA", "browadis", "challenges",
                     "bmw i8", "faze rug", "faze rug brother", "mama rug and papa rug"],
                    "SUBSCRIBE to BRAWADIS ▶ http://bit.ly/SubscribeToBrawadis\n\nFOLLOW ME ON SOCIAL\n▶ Twitter: https://twitter.com/Brawadis\n"
                    + "▶ Instagram: https://www.instagram.com/brawadis/\n▶ Snapchat: brawadis\n\n"
                    + "Hi! I’m Brandon Awadis and I like to make dope vlogs, pranks, reactions, challenges and basketball videos. "
                    + "Don’t forget to subscribe and come be a part of the BrawadSquad!",
                    "https://i.ytimg.com/vi/3C66w5Z0ixs/default.jpg",
                    DefaultAudioLanguage: null),
                Day("2020-08-12"),
                new VideoStatistics(1514614, 156908, 35313)),
            row);
    }

    [Fact]
    public void The_first_row_of_the_GB_2020_file_is_read_field_by_field()
    {
        var row = ReadFile("GB_youtube_trending_data.csv").Rows[0];

        AssertRow(
            new ImportedRow(
                2,
                new VideoMetadata(
                    "J78aPJ3VyNs",
                    "I left youtube for a month and THIS is what happened.",
                    "UCYzPXprvl5Y-Sf0g4vX-m6g",
                    "jacksepticeye",
                    CategoryId: 24,
                    new DateTimeOffset(2020, 8, 11, 16, 34, 6, TimeSpan.Zero),
                    Duration: null,
                    ["jacksepticeye", "funny", "funny meme", "memes", "jacksepticeye memes", "reddit", "subreddit", "community",
                     "community memes", "community subreddit", "jacksepticeye subreddit", "reddit memes", "fan submitted", "spicy memes",
                     "funny pics", "reaction", "react", "green screen", "funny memes", "funny green screen", "dank memes",
                     "memes compilation", "try not to laugh", "meme", "fresh memes", "meme review", "funny moments", "bell memes",
                     "bell of meme", "jacksepticeye bell"],
                    "I left youtube for a month and this is what happenedMY COFFEE COMPANY: https://twitter.com/TOTMCoffee"
                    + "Join the subreddit: https://www.reddit.com/r/jacksepticeye/"
                    + "MORE MEMES ► https://www.youtube.com/watch?v=wGdn6ldQTTg&list=PLMBYlcH3smRxmCZzsUyrxB0IyKSQAU0pP"
                    + "Jacksepticeye's Funniest Home Videos: https://www.youtube.com/watch?v=VqfLcdpBasY&list=PLMBYlcH3smRxOk7Cp_V2ar3QDfvljWvSy"
                    + "Edited by: https://twitter.com/DaveDelirious►Twitter : https://twitter.com/Jack_Septic_Eye"
                    + "►Instagram: http://instagram.com/jacksepticeye",
                    "https://i.ytimg.com/vi/J78aPJ3VyNs/default.jpg",
                    DefaultAudioLanguage: null),
                Day("2020-08-12"),
                new VideoStatistics(2038853, 353790, 40228)),
            row);
    }

    [Fact]
    public void Quoted_tags_of_the_classic_layout_lose_their_quotes()
    {
        var row = ReadFile("USvideos-2017-11-sample.csv").Rows.Single(row => row.Video.YouTubeId == "1ZAPwfrtAFY");

        Assert.Equal(["last week tonight trump presidency", "last week tonight donald trump", "john oliver trump", "donald trump"], row.Video.Tags);
    }

    [Theory]
    [InlineData("GBvideos-2017-09.csv", "bp6uJJJMaLs", 75)]
    [InlineData("US_youtube_trending_data.csv", "uet14uf9NsE", 20)]
    public void A_none_tag_list_in_a_shared_file_means_no_tags(string file, string videoId, int line)
    {
        var row = ReadFile(file).Rows.First(row => row.Video.YouTubeId == videoId);

        Assert.Equal(line, row.Line);
        Assert.Empty(row.Video.Tags);
    }

    [Fact]
    public void Disabled_comments_in_a_shared_file_are_unknown_rather_than_the_zero_the_file_writes()
    {
        var row = ReadFile("US_youtube_trending_data.csv").Rows.First(row => row.Video.YouTubeId == "Tujt4APHPzo");

        Assert.Equal(104, row.Line);
        Assert.Equal(new VideoStatistics(Views: 208173, Likes: 8810, Comments: null), row.Statistics);
    }

    [Theory]
    [InlineData("True", "True", null, null)]
    [InlineData("TRUE", "false", 5L, null)]
    [InlineData("FALSE", "true", null, 2L)]
    [InlineData("False", "False", 5L, 2L)]
    public void Disabled_ratings_or_comments_are_unknown(string commentsDisabled, string ratingsDisabled, long? likes, long? comments)
    {
        var read = Read(
            Daily2020Header,
            $"\"abcdefghijk\",\"t\",\"2020-08-11T19:20:14Z\",\"UCx\",\"c\",\"22\",\"2020-08-12T00:00:00Z\",\"a\",\"100\",\"5\",\"1\",\"2\",\"\",\"{commentsDisabled}\",\"{ratingsDisabled}\",\"\"");

        var row = Assert.Single(read.Rows);
        Assert.Equal(new VideoStatistics(100, likes, comments), row.Statistics);
    }

    [Fact]
    public void The_first_layout_has_no_flags_so_its_zero_counts_are_kept()
    {
        var read = Read(First2017Header, "abcdefghijk,t,c,22,[none],100,0,0,0,,13.09");

        Assert.Equal(new VideoStatistics(100, 0, 0), Assert.Single(read.Rows).Statistics);
    }

    [Theory]
    [InlineData("[none]")]
    [InlineData("[None]")]
    [InlineData("[NONE]")]
    [InlineData("")]
    [InlineData("\"|\"\"\"\"|\"")]
    public void A_tag_list_without_tags_is_empty(string tags)
    {
        var read = Read(First2017Header, $"abcdefghijk,t,c,22,{tags},100,1,0,1,,13.09");

        Assert.Empty(Assert.Single(read.Rows).Video.Tags);
    }

    [Fact]
    public void Literal_backslash_n_in_a_classic_description_becomes_a_line_break()
    {
        var read = Read(Classic2017Header, ClassicRow("abcdefghijk", description: @"first\nsecond\n\nfourth"));

        Assert.Equal("first\nsecond\n\nfourth", Assert.Single(read.Rows).Video.Description);
    }

    [Fact]
    public void Empty_description_thumbnail_and_category_are_null()
    {
        var read = Read(
            Daily2020Header,
            "\"abcdefghijk\",\"t\",\"2020-08-11T19:20:14Z\",\"UCx\",\"c\",\"\",\"2020-08-12T00:00:00Z\",\"[None]\",\"100\",\"\",\"\",\"\",\"\",\"False\",\"False\",\"\"");

        var row = Assert.Single(read.Rows);
        Assert.Equal((null, null, null), (row.Video.Description, row.Video.ThumbnailUrl, row.Video.CategoryId));
        Assert.Equal(new VideoStatistics(100, null, null), row.Statistics);
        Assert.Equal(0, read.DislikesSeen);
    }

    [Fact]
    public void A_2020_trending_instant_is_bucketed_to_its_utc_day()
    {
        var read = Read(
            Daily2020Header,
            "\"abcdefghijk\",\"t\",\"2020-08-11T19:20:14+02:00\",\"UCx\",\"c\",\"22\",\"2020-08-12T05:30:15.5+02:00\",\"a\",\"100\",\"5\",\"1\",\"2\",\"\",\"False\",\"False\",\"\"");

        var row = Assert.Single(read.Rows);
        Assert.Equal(new DateTimeOffset(2020, 8, 12, 0, 0, 0, TimeSpan.Zero), row.Bucket);
        Assert.Equal(TimeSpan.Zero, row.Bucket.Offset);
        Assert.Equal(new DateTimeOffset(2020, 8, 11, 17, 20, 14, TimeSpan.Zero), row.Video.PublishedAt);
    }

    [Fact]
    public void A_header_after_a_byte_order_mark_is_recognised()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(First2017Header + "\r\nabcdefghijk,t,c,22,a,100,1,0,1,,13.09\r\n")).ToArray();

        using var reader = TrendingCsvReader.Open(new MemoryStream(bytes));

        Assert.Equal(TrendingCsvLayout.First2017, reader.Layout);
        Assert.Equal("abcdefghijk", Assert.Single(reader.ReadRows()).Video.YouTubeId);
    }

    [Fact]
    public void Bad_rows_are_skipped_with_the_line_they_start_on_and_the_good_rows_around_them_are_read()
    {
        var read = Read(
            Classic2017Header,
            ClassicRow("aaaaaaaaaaa"), // line 2
            ClassicRow("bbbbbbbbbbb")[..^",plain".Length], // line 3: the description column is missing
            ClassicRow("ccccccccccc", description: "\"spans\nthree\r\nlines\""), // lines 4-6
            ClassicRow("ddddddddddd", views: "abc"), // line 7
            ClassicRow("eeeeeeeeeee", trendingDate: "17.32.11"), // line 8
            ClassicRow("xyz"), // line 9
            ClassicRow("fffffffffff")); // line 10

        Assert.Equal([2, 4, 10], read.Rows.Select(row => row.Line));
        Assert.Equal("spans\nthree\r\nlines", read.Rows[1].Video.Description);
        Assert.Equal(
            [
                new SkippedRow(3, "expected 16 fields, found 15"),
                new SkippedRow(7, "views 'abc' is not a non-negative whole number"),
                new SkippedRow(8, "trending_date '17.32.11' is not a yy.dd.mm date"),
                new SkippedRow(9, "video_id 'xyz' is not an 11-character YouTube id"),
            ],
            read.Skipped);
    }

    [Fact]
    public void Blank_lines_are_passed_over_and_still_counted_in_line_numbers()
    {
        var read = Read(First2017Header, "abcdefghijk,t,c,22,a,100,1,0,1,,13.09", "", "", "bcdefghijkl,t,c,22,a,100,1,0,1,,14.09", "bad,t,c,22,a,1,1,0,1,,14.09");

        Assert.Equal([2, 5], read.Rows.Select(row => row.Line));
        Assert.Equal(6, Assert.Single(read.Skipped).Line);
    }

    [Theory]
    [InlineData("views", "-5", "views '-5' is not a non-negative whole number")]
    [InlineData("views", "1.5", "views '1.5' is not a non-negative whole number")]
    [InlineData("views", "", "views '' is not a non-negative whole number")]
    [InlineData("likes", "many", "likes 'many' is not a non-negative whole number")]
    [InlineData("comment_total", "+3", "comment_total '+3' is not a non-negative whole number")]
    [InlineData("category_id", "music", "category_id 'music' is not a whole number")]
    [InlineData("date", "31.09", "date '31.09' is not a dd.mm date")]
    [InlineData("date", "2017-09-13", "date '2017-09-13' is not a dd.mm date")]
    [InlineData("video_id", "abcdefghij!", "video_id 'abcdefghij!' is not an 11-character YouTube id")]
    public void A_bad_value_skips_its_row_with_a_reason_naming_the_column_and_value(string column, string value, string reason)
    {
        var names = First2017Header.Split(',');
        var values = "abcdefghijk,t,c,22,a,100,1,0,1,,13.09".Split(',');
        values[Array.IndexOf(names, column)] = value;

        var read = Read(First2017Header, string.Join(',', values));

        Assert.Empty(read.Rows);
        Assert.Equal(new SkippedRow(2, reason), Assert.Single(read.Skipped));
    }

    [Theory]
    [InlineData("trending_date", "2020-13-12T00:00:00Z", "trending_date '2020-13-12T00:00:00Z' is not an ISO-8601 date")]
    [InlineData("publishedAt", "yesterday", "publishedAt 'yesterday' is not an ISO-8601 date")]
    public void A_bad_2020_date_skips_its_row(string column, string value, string reason)
    {
        var names = Daily2020Header.Split(',');
        var values = "abcdefghijk,t,2020-08-11T19:20:14Z,UCx,c,22,2020-08-12T00:00:00Z,a,100,5,1,2,,False,False,".Split(',');
        values[Array.IndexOf(names, column)] = value;

        var read = Read(Daily2020Header, string.Join(',', values));

        Assert.Equal(new SkippedRow(2, reason), Assert.Single(read.Skipped));
    }

    [Fact]
    public void A_stray_quote_in_an_unquoted_value_skips_its_row()
    {
        var read = Read(First2017Header, "abcdefghijk,a \"quoted\" word,c,22,a,100,1,0,1,,13.09", "bcdefghijkl,t,c,22,a,100,1,0,1,,13.09");

        Assert.Equal("bcdefghijkl", Assert.Single(read.Rows).Video.YouTubeId);
        Assert.Equal(new SkippedRow(2, "column 'title' holds a stray double quote: a \"quoted\" word"), Assert.Single(read.Skipped));
    }

    [Fact]
    public void Dislikes_are_counted_but_not_validated()
    {
        var read = Read(
            First2017Header,
            "aaaaaaaaaaa,t,c,22,a,100,1,7,1,,13.09",
            "bbbbbbbbbbb,t,c,22,a,100,1,0,1,,13.09",
            "ccccccccccc,t,c,22,a,100,1,,1,,13.09",
            "ddddddddddd,t,c,22,a,100,1,n/a,1,,13.09",
            "eeeeeeeeeee,t,c,22,a,abc,1,9,1,,13.09");

        Assert.Equal(4, read.Rows.Count);
        Assert.Equal(2, read.DislikesSeen);
    }

    [Fact]
    public void A_header_of_no_known_layout_is_refused_naming_the_columns_it_has()
    {
        var error = Assert.Throws<InvalidDataException>(() => TrendingCsvReader.Open(Utf8("id,name,views\nabcdefghijk,x,1\n")));

        Assert.Contains("[id, name, views]", error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => TrendingCsvReader.Open(Utf8("")));
    }

    private static DateTimeOffset Day(string day) => new(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static FileRead ReadFile(string name)
    {
        using var reader = TrendingCsvReader.Open(File.OpenRead(SharedDatasets.File(name)));
        var rows = reader.ReadRows().ToList();
        return new FileRead(reader.Layout, rows, reader.Skipped, reader.DislikesSeen, reader.BytesRead);
    }

    private static FileRead Read(string header, params string[] lines)
    {
        using var reader = TrendingCsvReader.Open(Utf8(header + "\n" + string.Join("\n", lines) + "\n"));
        var rows = reader.ReadRows().ToList();
        return new FileRead(reader.Layout, rows, reader.Skipped, reader.DislikesSeen, reader.BytesRead);
    }

    // Tags are a list, which a record compares by reference: compare them apart from the rest.
    private static void AssertRow(ImportedRow expected, ImportedRow actual)
    {
        Assert.Equal(expected.Video.Tags, actual.Video.Tags);
        Assert.Equal(expected with { Video = expected.Video with { Tags = actual.Video.Tags } }, actual);
    }

    private sealed record FileRead(TrendingCsvLayout Layout, List<ImportedRow> Rows, IReadOnlyList<SkippedRow> Skipped, long DislikesSeen, long BytesRead);
}
