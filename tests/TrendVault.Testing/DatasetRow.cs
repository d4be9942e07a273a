using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrendVault.Testing;

/// <summary>
/// One row of a shared trending dataset as the tests expect it stored, read by column name, independently of
/// the importer's own reader: a test oracle. The 2020 files are the first ~1.28 MB of the originals: a last
/// row cut off inside its quoted description is not read.
/// </summary>
public sealed record DatasetRow(string VideoId, DateTimeOffset Day, string Title, long Views, long? Likes, long? Comments)
{
    public static IReadOnlyList<DatasetRow> ReadAll(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<DatasetRow>();
        while (csv.Read())
        {
            var likes = Field(csv, "ratings_disabled") == "True" ? null : (long?)long.Parse(csv.GetField("likes")!, CultureInfo.InvariantCulture);
            var comments = Field(csv, "comments_disabled") == "True" ? null
                : (long?)long.Parse((Field(csv, "comment_count") ?? csv.GetField("comment_total"))!, CultureInfo.InvariantCulture);
            rows.Add(new DatasetRow(csv.GetField("video_id")!, TrendingDay(csv), csv.GetField("title")!,
                long.Parse((Field(csv, "view_count") ?? csv.GetField("views"))!, CultureInfo.InvariantCulture), likes, comments));
        }
        return CutOff(path) ? rows.Take(rows.Count - 1).ToList() : rows;
    }

    private static bool CutOff(string path)
    {
        using var file = File.OpenRead(path);
        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() is not ('\n' or '"');
    }

    private static string? Field(CsvReader csv, string name) => csv.HeaderRecord!.Contains(name) ? csv.GetField(name) : null;

    // 2020 on: ISO-8601; 2017-11 on: yy.dd.mm; 2017-09: dd.mm in 2017.
    private static DateTimeOffset TrendingDay(CsvReader csv)
    {
        if (Field(csv, "date") is { } dayMonth)
        {
            var parts = dayMonth.Split('.');
            return new DateTimeOffset(2017, int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[0], CultureInfo.InvariantCulture), 0, 0, 0, TimeSpan.Zero);
        }
        var trending = csv.GetField("trending_date")!;
        if (trending.Length == 8)
        {
            var parts = trending.Split('.');
            return new DateTimeOffset(2000 + int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
                int.Parse(parts[1], CultureInfo.InvariantCulture), 0, 0, 0, TimeSpan.Zero);
        }
        return new DateTimeOffset(DateTime.ParseExact(trending[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.Zero);
    }
}
