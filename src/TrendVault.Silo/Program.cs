using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using TrendVault.Grains.Hosting;
using TrendVault.Silo;
using TrendVault.Storage;
using TrendVault.Storage.Connections;

var builder = Host.CreateApplicationBuilder(args);
var connectionString = PostgresConnection.FromConfiguration(builder.Configuration);
// Grain storage, reminders and clustering share one Npgsql pool (one connection string): the Orleans
// part of the silo's budget. The snapshot writer and stores get the rest (AddTrendVaultStorage).
var orleansConnectionString = ConnectionBudget.WithPoolSize(connectionString,
    ConnectionBudget.OrleansPoolSize(ConnectionBudgetOptions.FromConfiguration(builder.Configuration).SiloPoolSize));
var siloOptions = builder.Configuration.GetSection("Orleans").Get<SiloHostOptions>() ?? new SiloHostOptions();

builder.Services.AddTrendVaultCollection(builder.Configuration);
builder.UseOrleans(silo =>
{
    silo.AddTrendVaultClustering(orleansConnectionString, siloOptions).AddTrendVaultPersistence(orleansConnectionString);
    // Collects the grain and silo metrics the gateway's Orleans dashboard shows.
    silo.AddDashboard();
    // Failure detection and reminder settings stay Orleans' defaults unless configured (the failover tests shorten them).
    // Not "Orleans:Reminders": Orleans reads that section itself as the reminder *provider* (ProviderType, default
    // "Default"), so any key there makes the silo fail at start with "Could not find Reminders provider named 'Default'".
    silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
    silo.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Orleans:ReminderOptions"));
});

using var host = builder.Build();
host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrendVault.Silo").LogInformation(
    "Silo {ClusterId} on silo port {SiloPort}, gateway port {GatewayPort}; database {Database}; YouTube API at {YouTubeBaseUrl}",
    siloOptions.ClusterId, siloOptions.SiloPort, siloOptions.GatewayPort,
    PostgresConnection.Redact(connectionString), builder.Configuration["YOUTUBE_BASE_URL"] ?? TrendVault.YouTube.YouTubeOptions.DefaultBaseUrl);
await host.RunAsync();
