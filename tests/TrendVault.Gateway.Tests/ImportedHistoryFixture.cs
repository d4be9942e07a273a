using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TrendVault.FakeYouTube;
using TrendVault.Grains;
using TrendVault.Import;
using TrendVault.Storage.Import;
using TrendVault.Testing;

namespace TrendVault.Gateway.Tests;

/// <summary>
/// Every shared public dataset file imported into a fresh database (the 2020 US file first), then a real silo
/// and the gateway over it, the silo collecting from the fake YouTube API in 2026.
/// </summary>
public sealed class ImportedHistoryFixture : IAsyncLifetime
{
    public const string Us2020 = "US_youtube_trending_data.csv";
    public const string Gb2020 = "GB_youtube_trending_data.csv";
    public const string Us2017 = "USvideos-2017-11-sample.csv";
    public const string Gb2017 = "GBvideos-2017-09.csv";

    public static readonly IReadOnlyList<string> Files = [Us2020, Gb2020, Us2017, Gb2017];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 5, 0, TimeSpan.Zero));

    public PostgresTestDatabase Database { get; private set; } = null!;

    public FakeYouTubeServer YouTube { get; private set; } = null!;

    public IHost Silo { get; private set; } = null!;

    public IGrainFactory Grains => Silo.Services.GetRequiredService<IGrainFactory>();

    public WebApplicationFactory<GatewayApiOptions> Gateway { get; private set; } = null!;

    public TrendingFileImporter Importer { get; private set; } = null!;

    /// <summary>Each file's import, by file name.</summary>
    public Dictionary<string, FileReport> Imports { get; } = [];

    private readonly string _clusterId = $"import-test-{Guid.NewGuid():N}";
    private readonly string _staticRoot = Path.Combine(Path.GetTempPath(), $"trendvault-import-static-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Database = await PostgresTestDatabase.CreateAsync();
        Importer = new TrendingFileImporter(new HistoryImportStore(Database.DataSource), Clock);
        foreach (var file in Files)
        {
            Imports[file] = await Importer.ImportAsync(SharedDatasets.File(file), file[..2], progress: null, CancellationToken.None);
        }
        YouTube = await FakeYouTubeServer.StartAsync(timeProvider: Clock);
        Silo = await InProcessSilo.StartAsync(Database.ConnectionString, _clusterId, YouTube, Clock, _staticRoot);
        await Grains.GetGrain<ICatalogGrain>(0).EnsureLoadedAsync();
        Gateway = GatewayFixture.WithGatewaySettings(new WebApplicationFactory<GatewayApiOptions>(), Database.ConnectionString, _clusterId, YouTube, _staticRoot, adminToken: null);
    }

    public HttpClient CreateClient() => Gateway.CreateClient();

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Silo.StopAsync();
        Silo.Dispose();
        await YouTube.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(_staticRoot))
        {
            Directory.Delete(_staticRoot, recursive: true);
        }
    }
}
