namespace TrendVault.Grains.Catalog;

/// <summary>The "Catalog" section: where flags come from and where they are kept.</summary>
public sealed class CatalogOptions
{
    /// <summary>Flag image URL; {code} is the lower-case region code.</summary>
    public string FlagUrlTemplate { get; set; } = "https://flagcdn.com/{code}.svg";

    /// <summary>Largest flag file downloaded; a larger answer is refused (flags are a few KiB).</summary>
    public int FlagMaxBytes { get; set; } = 256 * 1024;

    /// <summary>Folder of static files (served by the gateway); flags go to its flags/ subfolder.</summary>
    public string StaticRoot { get; set; } = "data/static";

    /// <summary>Concurrent videoCategories.list calls while loading the catalog.</summary>
    public int CategoryConcurrency { get; set; } = 4;

    /// <summary>
    /// At silo start: load the catalog, activate the configured regions and start the tracker and
    /// compaction reminders. Tests switch it off to drive each of those steps themselves.
    /// </summary>
    public bool LoadOnStart { get; set; } = true;
}
