namespace TrendVault.Gateway;

/// <summary>Gateway settings. AdminToken comes from TRENDVAULT_ADMIN_TOKEN; unset means admin endpoints are refused.</summary>
public sealed class GatewayApiOptions
{
    public string? AdminToken { get; set; }

    /// <summary>Folder of static files shared with the silos (flags live in its flags/ subfolder).</summary>
    public string StaticRoot { get; set; } = "data/static";

    /// <summary>"fake" when the silos talk to the simulated API, "youtube" otherwise; shown in /api/status.</summary>
    public string DataSource { get; set; } = "youtube";

    /// <summary>Orleans cluster to join (must match the silos').</summary>
    public string ClusterId { get; set; } = "trendvault";

    public string ServiceId { get; set; } = "trendvault";

    /// <summary>The silos' Tracking:Days, to tell tracked videos from expired ones.</summary>
    public int TrackingDays { get; set; } = 7;

    /// <summary>The silos' Retention:Days (null: everything is kept); shown in /api/status.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>The silos' Collection:BucketSize, to enumerate buckets in gap reports.</summary>
    public TimeSpan BucketSize { get; set; } = TimeSpan.FromHours(1);
}
