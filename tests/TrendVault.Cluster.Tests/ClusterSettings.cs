namespace TrendVault.Cluster.Tests;

/// <summary>What a <see cref="ProcessCluster"/> runs: a short collection cadence and fast failure detection.</summary>
public sealed record ClusterSettings
{
    public int Silos { get; init; } = 3;

    /// <summary>Activated at start by every silo (Collection__Regions).</summary>
    public IReadOnlyList<string> Regions { get; init; } = ["US", "GB", "DE", "FR", "JP", "BR"];

    public TimeSpan BucketSize { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan TickPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Chart pages of 50 per region.</summary>
    public int MaxPages { get; init; } = 2;

    /// <summary>
    /// How long the snapshot writer lets a batch gather records. It is also the least time a collection
    /// is in flight, which gives a test a wide window to hit one.
    /// </summary>
    public TimeSpan SnapshotLinger { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The gateway's Orleans ClientMessagingOptions.ResponseTimeout (Orleans:Messaging:ResponseTimeout): how long a
    /// grain call lost with a killed silo waits before it fails (and the gateway answers 503). Orleans' default is 30 s.
    /// </summary>
    public TimeSpan GatewayResponseTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
