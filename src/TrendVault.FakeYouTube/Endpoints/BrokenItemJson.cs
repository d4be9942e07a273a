using System.Text.Json.Nodes;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Breaks a video resource the way real feeds occasionally do.</summary>
internal static class BrokenItemJson
{
    // System.Text.Json cannot write a lone surrogate; this placeholder is swapped for the raw escape in the serialized body.
    public const string LoneSurrogate = "{{fake:lone-surrogate}}";
    public const string LoneSurrogateEscape = "\\ud83d";

    private const string Overflow = "99999999999999999999";

    public static void Apply(JsonObject video, FakeBrokenItemKind kind)
    {
        switch (kind)
        {
            case FakeBrokenItemKind.LoneSurrogate when video["snippet"] is JsonObject snippet:
                snippet["title"] = $"{snippet["title"]} {LoneSurrogate}";
                snippet["description"] = $"{LoneSurrogate}{snippet["description"]}";
                break;
            case FakeBrokenItemKind.CountOverflow when video["statistics"] is JsonObject statistics:
                statistics["likeCount"] = Overflow;
                statistics["commentCount"] = Overflow;
                break;
            case FakeBrokenItemKind.ViewCountOverflow when video["statistics"] is JsonObject statistics:
                statistics["viewCount"] = Overflow;
                break;
            case FakeBrokenItemKind.NoStatistics:
                video.Remove("statistics");
                break;
            case FakeBrokenItemKind.NoSnippet:
                video.Remove("snippet");
                break;
            case FakeBrokenItemKind.InvalidId:
                video["id"] = $"not a video id: {video["id"]}";
                break;
        }
    }
}
