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
}
