using System.Net;
using TrendVault.Silo;

namespace TrendVault.Cluster.Tests;

public sealed class SiloEndpointsTests
{
    [Fact]
    public void A_silo_with_nothing_advertised_listens_on_loopback_only()
    {
        var endpoints = SiloEndpoints.From(new SiloHostOptions());

        Assert.Equal(IPAddress.Loopback, endpoints.Advertised);
        Assert.Equal(IPAddress.Loopback, endpoints.Listen);
    }

    [Fact]
    public void A_silo_advertising_a_host_address_listens_on_every_interface()
    {
        var endpoints = SiloEndpoints.From(new SiloHostOptions { AdvertisedIP = "10.0.0.7" });

        Assert.Equal(IPAddress.Parse("10.0.0.7"), endpoints.Advertised);
        Assert.Equal(IPAddress.Any, endpoints.Listen);
    }

    [Fact]
    public void The_listen_address_can_be_narrowed_to_one_interface()
    {
        var endpoints = SiloEndpoints.From(new SiloHostOptions { AdvertisedIP = "203.0.113.5", ListenIP = "10.0.0.7" });

        Assert.Equal(IPAddress.Parse("203.0.113.5"), endpoints.Advertised);
        Assert.Equal(IPAddress.Parse("10.0.0.7"), endpoints.Listen);
    }

    [Theory]
    [InlineData("10.0.0.7", "127.0.0.1", "Orleans:ListenIP")]
    [InlineData("silo-1", null, "Orleans:AdvertisedIP")]
    [InlineData(null, "everywhere", "Orleans:ListenIP")]
    public void Contradictory_or_malformed_addresses_are_refused_naming_the_setting(string? advertised, string? listen, string setting)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SiloEndpoints.From(new SiloHostOptions { AdvertisedIP = advertised, ListenIP = listen }));

        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
    }
}
