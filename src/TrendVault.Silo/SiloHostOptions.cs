namespace TrendVault.Silo;

/// <summary>The "Orleans" section: cluster identity and this silo's endpoints.</summary>
public sealed class SiloHostOptions
{
    public string ClusterId { get; set; } = "trendvault";

    public string ServiceId { get; set; } = "trendvault";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this one; empty → loopback.</summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>Address the silo and gateway ports listen on; empty → loopback when nothing is advertised, every interface otherwise.</summary>
    public string? ListenIP { get; set; }
}
