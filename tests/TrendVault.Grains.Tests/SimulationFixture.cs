using System.Globalization;
using TrendVault.FakeYouTube;

namespace TrendVault.Grains.Tests;

/// <summary>
/// A silo for the multi-day budget simulations: charts turn over one video an hour per region (24 new
/// videos a day, inside the 20–40 the public 2020 dataset shows), default quota, four tracker shards.
/// </summary>
public abstract class SimulationFixture : CollectionClusterFixture
{
    public const int TrackerShards = 4;

    public abstract int MaxPages { get; }

    /// <summary>109 regions × 24 newcomers a day for a week come from 30,000 videos, so most are one region's own.</summary>
    public const int ChartPool = 30_000;

    protected override FakeYouTubeOptions FakeYouTubeOptions => new() { ChartTurnoverPerHour = 1, PoolSize = ChartPool, ChartPool = ChartPool };

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Collection:MaxPages"] = MaxPages.ToString(CultureInfo.InvariantCulture);
        settings["Tracking:Shards"] = TrackerShards.ToString(CultureInfo.InvariantCulture);
        settings["Quota:DailyUnits"] = "10000";
        // The first hour stores every region's new videos at once (109 regions took 11.6 s here under load): the
        // tests' 10 s attempt timeout held some charts in the spool on CI, so the simulation keeps production's.
        settings["Collection:AttemptTimeout"] = new CollectionOptions().AttemptTimeout.ToString();
    }
}

/// <summary>The default eleven regions, whole charts (4 pages).</summary>
public sealed class DefaultRegionsSimulationFixture : SimulationFixture
{
    public override int MaxPages => 4;
}

/// <summary>Every region (Collection__Regions=all) at the README's 3 pages, which is what fits the default quota.</summary>
public sealed class AllRegionsSimulationFixture : SimulationFixture
{
    public override int MaxPages => 3;
}
