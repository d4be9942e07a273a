using TrendVault.Gateway.Contracts;
using TrendVault.Model;

namespace TrendVault.Gateway.Tests;

public sealed class HeldInfoTests
{
    [Fact]
    public void Silos_sharing_a_spool_folder_count_its_charts_once_by_the_latest_report()
    {
        var at = DateTimeOffset.Parse("2026-11-29T10:00:00Z");
        SpoolReport[] reports =
        [
            new("silo-1", HeldCharts: 4, HeldBytes: 4_000, at, Folder: "shared"),
            new("silo-2", HeldCharts: 5, HeldBytes: 5_000, at.AddSeconds(3), Folder: "shared"),
            new("silo-3", HeldCharts: 2, HeldBytes: 1_500, at, Folder: "own"),
        ];

        Assert.Equal(new HeldInfo(7, 6_500), HeldInfo.Total(reports));
    }
}
