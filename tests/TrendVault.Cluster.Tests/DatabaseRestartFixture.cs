namespace TrendVault.Cluster.Tests;

/// <summary>
/// A PostgreSQL server of this test class's own (the tests stop and start it), migrated by the one-shot
/// migrator as scripts/run.sh and the compose file run it, and two silo processes collecting four regions
/// in 20-second buckets (an outage of 8 s plus the retries must still fit in one), with the gateway.
/// </summary>
public sealed class DatabaseRestartFixture : IAsyncLifetime
{
    public static readonly ClusterSettings Settings = new()
    {
        Silos = 2,
        Regions = ["US", "GB", "DE", "JP"],
        BucketSize = TimeSpan.FromSeconds(20),
    };

    public string Logs { get; } = TestLogs.Folder("database-restart");

    public DedicatedPostgres Server { get; private set; } = null!;

    public ProcessCluster Cluster { get; private set; } = null!;

    public CollectionLedger Ledger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await DedicatedPostgres.StartAsync();
        var connectionString = await Server.MigrateAsync("trendvault", Logs);
        Cluster = await ProcessCluster.StartAsync(Logs, connectionString, Settings);
        // Without pooling, the tests' own queries never pick up a connection a restart broke.
        Ledger = new CollectionLedger(connectionString + ";Pooling=false");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Ledger is not null)
            {
                await Ledger.DisposeAsync();
            }
            if (Cluster is not null)
            {
                await Cluster.DisposeAsync();
            }
        }
        finally
        {
            if (Server is not null)
            {
                Server.KeepLogIn(Logs);
                await Server.DisposeAsync();
            }
        }
    }
}
