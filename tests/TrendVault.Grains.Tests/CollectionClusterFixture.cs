using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using TrendVault.FakeYouTube;
using TrendVault.Grains;
using TrendVault.Grains.Hosting;
using TrendVault.Silo;
using TrendVault.Testing;

namespace TrendVault.Grains.Tests;

/// <summary>
/// One real silo (Orleans TestingHost) with grain state and reminders in a fresh PostgreSQL
/// database, talking over HTTP to the fake YouTube API. Collection and fake API share a clock the
/// tests move, so buckets and expected counters are known exactly.
/// </summary>
public class CollectionClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan BucketSize = TimeSpan.FromHours(1);

    public const int Shards = 2;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    public PostgresTestDatabase Database { get; private set; } = null!;

    public FakeYouTubeServer YouTube { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string StaticRoot { get; } = Path.Combine(Path.GetTempPath(), $"trendvault-static-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Database = await PostgresTestDatabase.CreateAsync();
        YouTube = await FakeYouTubeServer.StartAsync(FakeYouTubeOptions, Clock);

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["YOUTUBE_API_KEY"] = "test-key",
            ["YOUTUBE_BASE_URL"] = YouTube.BaseUrl.ToString(),
            ["YouTube:RetryBaseDelay"] = "00:00:00.020",
            ["YouTube:MaxRetries"] = "2",
            ["Collection:Regions"] = "",
            ["Collection:BucketSize"] = BucketSize.ToString(),
            ["Collection:TickPeriod"] = "00:00:01",
            // Long enough for any real attempt here; a hung call is abandoned after it.
            ["Collection:AttemptTimeout"] = "00:00:10",
            ["Catalog:StaticRoot"] = StaticRoot,
            ["Spool:Path"] = Path.Combine(StaticRoot, "spool"),
            ["Catalog:FlagUrlTemplate"] = new Uri(YouTube.RootUrl, "flags/{code}.svg").ToString(),
            ["Catalog:LoadOnStart"] = "false",
            ["Tracking:Shards"] = Shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tracking:Days"] = "7",
        };
        Configure(settings);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddKeyedSingleton<TimeProvider>(CollectionClock.Key, Clock);
            host.Services.AddTrendVaultCollection(host.Configuration);
            // Production keeps Orleans' one-minute floor; a one-second tick keeps this test short.
            host.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureSilo((_, silo) => silo.AddTrendVaultPersistence(Database.ConnectionString));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await Grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync();
    }

    /// <summary>The simulated API's settings; charts are fixed unless a subclass says otherwise.</summary>
    protected virtual FakeYouTubeOptions? FakeYouTubeOptions => null;

    /// <summary>Lets a subclass change the silo's settings before it starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// Moves the shared clock 7 minutes into a bucket no earlier test has used; a gap longer than the
    /// tracking window leaves earlier tests' videos untracked.
    /// </summary>
    public DateTimeOffset StartFreshBucket(TimeSpan? gap = null)
    {
        var next = Buckets.Floor(Clock.GetUtcNow(), BucketSize) + (gap ?? TimeSpan.FromDays(1));
        Clock.SetUtcNow(next + TimeSpan.FromMinutes(7));
        return next;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await YouTube.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(StaticRoot))
        {
            Directory.Delete(StaticRoot, recursive: true);
        }
    }
}
