namespace TrendVault.Model;

/// <summary>
/// What the broken items of one chart cost: <paramref name="Repaired"/> videos were kept with a defect
/// repaired, <paramref name="Skipped"/> items were left out. <paramref name="Reasons"/> counts items by
/// reason name (see <c>ItemDefects</c> in the YouTube client); one video can have several.
/// </summary>
[GenerateSerializer, Immutable, Alias("TrendVault.BrokenItems")]
public sealed record BrokenItems(
    [property: Id(0)] int Repaired,
    [property: Id(1)] int Skipped,
    [property: Id(2)] IReadOnlyDictionary<string, int> Reasons)
{
    public static BrokenItems None { get; } = new(0, 0, new Dictionary<string, int>());
}
