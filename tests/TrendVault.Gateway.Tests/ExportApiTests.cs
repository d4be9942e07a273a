using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrendVault.Gateway.Limits;
using CsvHelper;

namespace TrendVault.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ExportApiTests(GatewayFixture fixture)
{
    private static readonly string[] Columns =
    [
        "video_id", "trending_date", "title", "channel_title", "category_id", "publish_time", "tags", "views", "likes", "dislikes",
        "comment_count", "thumbnail_link", "comments_disabled", "ratings_disabled", "video_error_or_removed", "description", "region", "rank",
    ];

    /// <summary>The fixture's day: an explicit range, so what is exported does not depend on today's date.</summary>
    private const string UsDay = "/api/export/trending.csv?region=US&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z";

    [Fact]
    public async Task The_csv_export_parses_back_to_exactly_what_was_stored()
    {
        using var http = fixture.CreateClient();

        var response = await http.GetAsync(UsDay);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        Assert.Equal(Columns, csv.HeaderRecord);
        var rows = new List<(string Id, string Date, string Title, string Description, string Views, string Likes, string Comments, string Tags, int Rank)>();
        while (await csv.ReadAsync())
        {
            rows.Add((csv.GetField("video_id")!, csv.GetField("trending_date")!, csv.GetField("title")!, csv.GetField("description")!,
                csv.GetField("views")!, csv.GetField("likes")!, csv.GetField("comment_count")!, csv.GetField("tags")!, int.Parse(csv.GetField("rank")!)));
        }

        var stored = await fixture.Database.RowsAsync("""
            SELECT v.youtube_id, t.bucket, v.title, coalesce(v.description, ''), s.views, s.likes, s.comments, v.tags, t.rank
            FROM trending_entries t JOIN videos v ON v.id = t.video_id JOIN video_snapshots s ON s.video_id = t.video_id AND s.bucket = t.bucket
            WHERE t.region_code = 'US' ORDER BY t.bucket, t.rank
            """);
        Assert.Equal(400, rows.Count);
        Assert.Equal(stored.Select(r => (
                (string)r[0]!,
                ((DateTime)r[1]!).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                (string)r[2]!,
                (string)r[3]!,
                r[4]!.ToString()!,
                r[5]?.ToString() ?? string.Empty,
                r[6]?.ToString() ?? string.Empty,
                ((string[])r[7]!).Length == 0 ? "[none]" : string.Join('|', ((string[])r[7]!).Select(t => $"\"{t}\"")),
                (int)(short)r[8]!)),
            rows);
    }

    [Fact]
    public async Task Multi_line_descriptions_with_quotes_survive_the_round_trip()
    {
        using var http = fixture.CreateClient();
        var tricky = fixture.YouTube.Catalog.ChartFor("US")
            .Select(id => fixture.YouTube.Catalog.Video(id)!)
            .First(v => v.Description.Contains('\n') && v.Description.Contains('"'));

        var body = await http.GetStringAsync(UsDay);

        using var csv = new CsvReader(new StringReader(body), CultureInfo.InvariantCulture);
        var descriptions = csv.GetRecords<dynamic>().Select(r => (string)((IDictionary<string, object>)r)["description"]).ToList();
        Assert.Contains(tricky.Description, descriptions);
    }

    [Fact]
    public async Task An_export_asked_again_with_its_etag_is_a_304_without_a_body()
    {
        using var http = fixture.CreateClient();
        using var first = await http.GetAsync(UsDay);

        using var again = new HttpRequestMessage(HttpMethod.Get, UsDay);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(again);

        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.True(first.Headers.CacheControl!.NoCache, "an export's metadata can still change: every use revalidates");
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_revalidation_is_answered_while_every_export_slot_is_taken()
    {
        using var http = fixture.CreateClient();
        using var first = await http.GetAsync(UsDay);
        var slots = fixture.Gateway.Services.GetRequiredService<ExportSlots>();
        var held = Enumerable.Range(0, slots.Limit).Select(_ => slots.TryEnter()).ToList();
        try
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, UsDay);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var revalidated = await http.SendAsync(again);
            using var full = await http.GetAsync(UsDay);

            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        }
        finally
        {
            held.ForEach(slot => slot?.Dispose());
        }
    }

    [Fact]
    public async Task A_video_whose_metadata_changed_changes_the_etag_of_every_export_it_is_in()
    {
        using var http = fixture.CreateClient();
        var videoId = fixture.YouTube.Catalog.ChartFor("US")[3];
        var before = await http.GetAsync(UsDay);
        var (title, hash) = await MetadataAsync(videoId);

        await fixture.Database.ScalarAsync<int>("UPDATE videos SET title = 'Renamed', metadata_hash = metadata_hash + 1 WHERE youtube_id = $1 RETURNING 1", videoId);
        try
        {
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, UsDay);
            revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            var after = await http.SendAsync(revalidate);

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            Assert.Contains(",Renamed,", await after.Content.ReadAsStringAsync());
        }
        finally
        {
            await fixture.Database.ScalarAsync<int>("UPDATE videos SET title = $2, metadata_hash = $3 WHERE youtube_id = $1 RETURNING 1", videoId, title, hash);
        }
        Assert.Equal(before.Headers.ETag, (await http.GetAsync(UsDay)).Headers.ETag);
    }

    [Fact]
    public async Task A_chart_stored_in_the_range_later_changes_its_etag()
    {
        using var http = fixture.CreateClient();
        var before = await http.GetAsync(UsDay);
        var late = DateTimeOffset.Parse("2026-03-02T23:00:00Z", CultureInfo.InvariantCulture);

        // As a chart held during a database outage and written when it returned would be.
        await fixture.Database.ScalarAsync<int>(
            "INSERT INTO trending_charts (region_code, bucket, video_ids) SELECT 'US', $1, video_ids FROM trending_charts WHERE region_code = 'US' ORDER BY bucket LIMIT 1 RETURNING 1",
            late.UtcDateTime);
        try
        {
            var after = await http.GetAsync(UsDay);

            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        }
        finally
        {
            await fixture.Database.ScalarAsync<int>("DELETE FROM trending_charts WHERE region_code = 'US' AND bucket = $1 RETURNING 1", late.UtcDateTime);
        }
    }

    private async Task<(string Title, long Hash)> MetadataAsync(string videoId)
    {
        var row = (await fixture.Database.RowsAsync("SELECT title, metadata_hash FROM videos WHERE youtube_id = $1", videoId)).Single();
        return ((string)row[0]!, (long)row[1]!);
    }
}
