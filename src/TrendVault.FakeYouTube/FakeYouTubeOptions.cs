namespace TrendVault.FakeYouTube;

/// <summary>Settings of the simulated API (configuration section "FakeYouTube").</summary>
public sealed class FakeYouTubeOptions
{
    public const string SectionName = "FakeYouTube";

    /// <summary>The only key accepted when set; when null or empty any non-empty key is accepted.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Videos that leave (and join) each region's chart per hour of simulated time; 0 keeps charts fixed.</summary>
    public int ChartTurnoverPerHour { get; set; }

    /// <summary>
    /// Videos the API knows (at least <see cref="Data.FakeCatalog.PoolSize"/>). Charts always draw from the first
    /// <see cref="Data.FakeCatalog.PoolSize"/>, so a larger pool only adds videos reachable by id, e.g. to load the trackers.
    /// </summary>
    public int PoolSize { get; set; } = Data.FakeCatalog.PoolSize;

    /// <summary>
    /// Videos chart turnover draws newcomers from (at least <see cref="Data.FakeCatalog.PoolSize"/>, at most <see cref="PoolSize"/>).
    /// The default keeps the 3,000-video world; with every region on, a larger one keeps regions' newcomers apart as real charts do.
    /// </summary>
    public int ChartPool { get; set; } = Data.FakeCatalog.PoolSize;
}
