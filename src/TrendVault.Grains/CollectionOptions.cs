namespace TrendVault.Grains;

/// <summary>The "Collection" section: what to collect and how often.</summary>
public sealed class CollectionOptions
{
    public const string DefaultRegions = "US,GB,IN,DE,CA,FR,KR,RU,JP,BR,MX";

    /// <summary>Comma-separated region codes activated at start, "all" for every catalog region, or empty for none.</summary>
    public string Regions { get; set; } = DefaultRegions;

    /// <summary>Pages of 50 fetched per chart; 4 covers the whole chart of up to 200.</summary>
    public int MaxPages { get; set; } = 4;

    public TimeSpan BucketSize { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Reminder period; shorter than the bucket so a lost tick costs minutes, not a bucket.</summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound for one collection attempt, API calls and writes included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public bool CollectsAllRegions => string.Equals(Regions.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured codes, upper-cased; invalid entries are reported by validation.</summary>
    public IReadOnlyList<string> RegionCodes() => CollectsAllRegions
        ? []
        : Regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToUpperInvariant())
            .Distinct()
            .ToList();

    internal bool IsValid(out string error)
    {
        error = string.Empty;
        if (!CollectsAllRegions && RegionCodes().FirstOrDefault(code => !RegionCode.TryNormalize(code, out _)) is { } bad)
        {
            error = $"Collection:Regions has an invalid region code '{bad}'.";
        }
        else if (MaxPages is < 1 or > 4)
        {
            error = "Collection:MaxPages must be between 1 and 4 (a chart has at most 200 videos).";
        }
        else if (BucketSize < TimeSpan.FromSeconds(1) || BucketSize > TimeSpan.FromDays(1))
        {
            error = "Collection:BucketSize must be between 1 second and 1 day.";
        }
        else if (TickPeriod <= TimeSpan.Zero || TickPeriod > BucketSize)
        {
            error = "Collection:TickPeriod must be positive and not longer than Collection:BucketSize.";
        }
        else if (AttemptTimeout <= TimeSpan.Zero)
        {
            error = "Collection:AttemptTimeout must be positive.";
        }
        return error.Length == 0;
    }
}
