using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Serialises responses the way the API does: pretty-printed UTF-8 JSON with list envelopes and etags.</summary>
internal static class ApiJson
{
    public const string ContentType = "application/json; charset=UTF-8";
    public const string VideoListKind = "youtube#videoListResponse";
    public const string CategoryListKind = "youtube#videoCategoryListResponse";
    public const string RegionListKind = "youtube#i18nRegionListResponse";

    /// <summary>The list kind of each API method, which is also the set of methods that cost a quota unit.</summary>
    public static readonly IReadOnlyDictionary<string, string> ListKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["videos"] = VideoListKind,
        ["videoCategories"] = CategoryListKind,
        ["i18nRegions"] = RegionListKind,
    };

    // Non-ASCII text is sent raw, as Google does, rather than as \uXXXX escapes.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Result(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(Text(body), ContentType, statusCode: statusCode);

    public static string Text(JsonNode body) => body.ToJsonString(Options);

    /// <summary>Envelope in the modern key order: kind, etag, items, nextPageToken, prevPageToken, pageInfo.</summary>
    public static JsonObject List(
        string kind, JsonArray items, string? next = null, string? prev = null, (int Total, int PerPage)? pageInfo = null)
    {
        var list = new JsonObject { ["kind"] = kind, ["etag"] = Etag(items), ["items"] = items };
        if (next is not null)
        {
            list["nextPageToken"] = next;
        }

        if (prev is not null)
        {
            list["prevPageToken"] = prev;
        }

        if (pageInfo is { } page)
        {
            list["pageInfo"] = new JsonObject { ["totalResults"] = page.Total, ["resultsPerPage"] = page.PerPage };
        }

        return list;
    }

    /// <summary>Fills the resource's "etag" slot with a hash of its content, so etags change exactly when content does.</summary>
    public static JsonObject WithEtag(JsonObject resource)
    {
        resource["etag"] = Etag(resource);
        return resource;
    }

    // Unpadded base64url of a SHA-1: 27 characters, the same look as the API's etags.
    private static string Etag(JsonNode content) =>
        Base64Url.EncodeToString(SHA1.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())));
}
