namespace TrendVault.Grains.Catalog;

/// <summary>The "Catalog" section: where flags come from and where they are kept.</summary>
public sealed class CatalogOptions
{
    /// <summary>Flag image URL; {code} is the lower-case region code.</summary>
    public string FlagUrlTemplate { get; set; } = "https://flagcdn.com/{code}.svg";

    /// <summary>Folder of static files (served by the gateway); flags go to its flags/ subfolder.</summary>
    public string StaticRoot { get; set; } = "data/static";

    /// <summary>Concurrent videoCategories.list calls while loading the catalog.</summary>
    public int CategoryConcurrency { get; set; } = 4;

    /// <summary>Load the catalog and activate the configured regions when a silo starts.</summary>
    public bool LoadOnStart { get; set; } = true;
}
