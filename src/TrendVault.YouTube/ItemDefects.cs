namespace TrendVault.YouTube;

/// <summary>What was wrong with one video item of an API answer. The first three are repaired, the last two make the item unusable.</summary>
[Flags]
public enum ItemDefects
{
    None = 0,

    /// <summary>Text with a lone UTF-16 surrogate or U+0000 (repaired to U+FFFD / removed), or carrying U+FFFD already.</summary>
    InvalidText = 1,

    /// <summary>A count that is not a whole number within a bigint: stored as null.</summary>
    UnstorableCount = 2,

    /// <summary>No statistics (or no view count): the video is stored without a snapshot, its counts read as null.</summary>
    MissingStatistics = 4,

    /// <summary>No snippet: nothing to store a video by; skipped.</summary>
    MissingSnippet = 8,

    /// <summary>An id that is not a YouTube video id (11 of A–Z a–z 0–9 _ -), or none; skipped.</summary>
    InvalidId = 16,
}
