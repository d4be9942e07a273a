using System.Globalization;
using System.Text.Json.Nodes;
using TrendVault.FakeYouTube.Data;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Builds API resources with the real property names, key order and value types.</summary>
internal static class ResourceJson
{
    // The "YouTube" channel, which owns every video category in the real API.
    private const string CategoryOwnerChannelId = "UCBR8-60-B28hp2BmDPdntcQ";

    private static readonly (string Name, string File, int Width, int Height)[] Thumbnails =
    [
        ("default", "default", 120, 90),
        ("medium", "mqdefault", 320, 180),
        ("high", "hqdefault", 480, 360),
        ("standard", "sddefault", 640, 480),
        ("maxres", "maxresdefault", 1280, 720),
    ];

    public static JsonObject Region(FakeRegion region, bool withSnippet)
    {
        var resource = new JsonObject { ["kind"] = "youtube#i18nRegion", ["etag"] = "", ["id"] = region.Code };
        if (withSnippet)
        {
            resource["snippet"] = new JsonObject { ["gl"] = region.Code, ["name"] = region.Name };
        }

        return ApiJson.WithEtag(resource);
    }

    public static JsonObject Category(FakeCategory category, bool withSnippet)
    {
        var resource = new JsonObject { ["kind"] = "youtube#videoCategory", ["etag"] = "", ["id"] = category.Id };
        if (withSnippet)
        {
            resource["snippet"] = new JsonObject
            {
                ["channelId"] = CategoryOwnerChannelId,
                ["title"] = category.Title,
                ["assignable"] = category.Assignable,
            };
        }

        return ApiJson.WithEtag(resource);
    }

    public static JsonObject Video(FakeVideo video, VideoParts parts, FakeVideoStatistics statistics)
    {
        var resource = new JsonObject { ["kind"] = "youtube#video", ["etag"] = "", ["id"] = video.Id };
        if (parts.HasFlag(VideoParts.Snippet))
        {
            resource["snippet"] = Snippet(video);
        }

        if (parts.HasFlag(VideoParts.ContentDetails))
        {
            resource["contentDetails"] = new JsonObject
            {
                ["duration"] = video.Duration,
                ["dimension"] = "2d",
                ["definition"] = video.Definition,
                ["caption"] = video.Caption ? "true" : "false",
                ["licensedContent"] = video.LicensedContent,
                ["contentRating"] = new JsonObject(),
                ["projection"] = "rectangular",
            };
        }

        if (parts.HasFlag(VideoParts.Statistics))
        {
            resource["statistics"] = Statistics(statistics);
        }

        return ApiJson.WithEtag(resource);
    }

    private static JsonObject Snippet(FakeVideo video)
    {
        var thumbnails = new JsonObject();
        foreach (var (name, file, width, height) in Thumbnails.Take(video.HasMaxResThumbnail ? Thumbnails.Length : Thumbnails.Length - 1))
        {
            thumbnails[name] = new JsonObject
            {
                ["url"] = $"https://i.ytimg.com/vi/{video.Id}/{file}.jpg",
                ["width"] = width,
                ["height"] = height,
            };
        }

        var snippet = new JsonObject
        {
            ["publishedAt"] = video.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["channelId"] = video.ChannelId,
            ["title"] = video.Title,
            ["description"] = video.Description,
            ["thumbnails"] = thumbnails,
            ["channelTitle"] = video.ChannelTitle,
        };
        if (video.Tags is not null)
        {
            snippet["tags"] = new JsonArray(video.Tags.Select(tag => (JsonNode?)tag).ToArray());
        }

        snippet["categoryId"] = video.CategoryId;
        snippet["liveBroadcastContent"] = video.LiveBroadcastContent;
        if (video.DefaultLanguage is not null)
        {
            snippet["defaultLanguage"] = video.DefaultLanguage;
        }

        snippet["localized"] = new JsonObject { ["title"] = video.Title, ["description"] = video.Description };
        if (video.DefaultAudioLanguage is not null)
        {
            snippet["defaultAudioLanguage"] = video.DefaultAudioLanguage;
        }

        return snippet;
    }

    // Counts are JSON strings (uint64 in the discovery document); hidden likes and disabled comments drop the key.
    private static JsonObject Statistics(FakeVideoStatistics statistics)
    {
        var result = new JsonObject { ["viewCount"] = Count(statistics.Views) };
        if (statistics.Likes is { } likes)
        {
            result["likeCount"] = Count(likes);
        }

        result["favoriteCount"] = "0";
        if (statistics.Comments is { } comments)
        {
            result["commentCount"] = Count(comments);
        }

        return result;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
