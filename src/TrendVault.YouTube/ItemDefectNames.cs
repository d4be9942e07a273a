namespace TrendVault.YouTube;

/// <summary>The stable names of <see cref="ItemDefects"/>: metric tags, stored run reasons and API fields use them.</summary>
public static class ItemDefectNames
{
    public const ItemDefects Unusable = ItemDefects.MissingSnippet | ItemDefects.InvalidId;

    private static readonly (ItemDefects Defect, string Name)[] Names =
    [
        (ItemDefects.InvalidText, "invalidText"),
        (ItemDefects.UnstorableCount, "unstorableCount"),
        (ItemDefects.MissingStatistics, "missingStatistics"),
        (ItemDefects.MissingSnippet, "missingSnippet"),
        (ItemDefects.InvalidId, "invalidId"),
    ];

    /// <summary>The name of each single defect in <paramref name="defects"/>.</summary>
    public static IEnumerable<string> Of(ItemDefects defects) =>
        Names.Where(n => defects.HasFlag(n.Defect)).Select(n => n.Name);
}
