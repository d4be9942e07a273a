using System.Net;

namespace TrendVault.Silo;

/// <summary>
/// The address a silo advertises (written to the membership table, dialled by other silos and clients)
/// and the address its sockets listen on. Defaults keep a lone host private: with nothing advertised
/// the silo advertises and listens on loopback; an advertised host address listens on every interface
/// (a container's, where the address is the container's own) unless Orleans:ListenIP narrows it.
/// </summary>
public sealed record SiloEndpoints(IPAddress Advertised, IPAddress Listen)
{
    public static SiloEndpoints From(SiloHostOptions options)
    {
        var advertised = string.IsNullOrWhiteSpace(options.AdvertisedIP) ? IPAddress.Loopback
            : Parse(options.AdvertisedIP, "Orleans:AdvertisedIP");
        var listen = !string.IsNullOrWhiteSpace(options.ListenIP) ? Parse(options.ListenIP, "Orleans:ListenIP")
            : IPAddress.IsLoopback(advertised) ? advertised
            : IPAddress.Any;
        if (IPAddress.IsLoopback(listen) && !IPAddress.IsLoopback(advertised))
        {
            throw new InvalidOperationException(
                $"Orleans:ListenIP {listen} is loopback but Orleans:AdvertisedIP {advertised} is not: other hosts could not connect.");
        }
        return new SiloEndpoints(advertised, listen);
    }

    private static IPAddress Parse(string value, string setting) =>
        IPAddress.TryParse(value, out var address) ? address
            : throw new InvalidOperationException($"{setting} '{value}' is not an IP address.");
}
