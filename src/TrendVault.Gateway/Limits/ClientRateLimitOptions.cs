namespace TrendVault.Gateway.Limits;

/// <summary>
/// Requests one client (remote IP address) may make per minute to the expensive endpoints
/// (section RateLimits). Each group counts separately.
/// </summary>
public sealed class ClientRateLimitOptions
{
    /// <summary>CSV exports (each streams up to a year of one region).</summary>
    public int ExportsPerMinute { get; set; } = 10;

    /// <summary>Each of: top gainers, gap reports, and video searches (a list with q).</summary>
    public int QueriesPerMinute { get; set; } = 120;

    /// <summary>
    /// Reverse proxies in front of the gateway, comma-separated addresses or CIDR networks: a request from
    /// one of them is counted for the client its X-Forwarded-For names (its last entry). Empty: every
    /// request is counted for the address it came from, and X-Forwarded-For is ignored (anyone could send it).
    /// </summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>The trusted proxies as networks (a lone address is a network of one); null when one is not an address.</summary>
    public IReadOnlyList<System.Net.IPNetwork>? TrustedNetworks()
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                return null;
            }
        }
        return networks;
    }
}
