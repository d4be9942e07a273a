using TrendVault.FakeYouTube;
using TrendVault.Grains;

namespace TrendVault.Grains.Tests;

/// <summary>The default collection settings against charts that turn over 10 videos an hour, as real ones do.</summary>
public sealed class DailyPlanFixture : CollectionClusterFixture
{
    public const int TurnoverPerHour = 10;

    public const int TrackerShards = 4;

    protected override FakeYouTubeOptions FakeYouTubeOptions => new() { ChartTurnoverPerHour = TurnoverPerHour };

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Collection:MaxPages"] = "4";
        settings["Tracking:Shards"] = TrackerShards.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
