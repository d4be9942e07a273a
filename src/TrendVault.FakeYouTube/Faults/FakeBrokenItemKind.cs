namespace TrendVault.FakeYouTube.Faults;

/// <summary>How a chart item can arrive broken, as real feeds occasionally carry it (JSON names are camelCase).</summary>
public enum FakeBrokenItemKind
{
    /// <summary>Title and description carry a lone UTF-16 surrogate, sent as the escape <c>\ud83d</c>.</summary>
    LoneSurrogate,

    /// <summary>likeCount and commentCount are "99999999999999999999", beyond 64 bits.</summary>
    CountOverflow,

    /// <summary>viewCount is "99999999999999999999".</summary>
    ViewCountOverflow,

    /// <summary>The item has no statistics part.</summary>
    NoStatistics,

    /// <summary>The item has no snippet part.</summary>
    NoSnippet,

    /// <summary>The item's id does not match the video id pattern.</summary>
    InvalidId,
}
