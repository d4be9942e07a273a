using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using TrendVault.Grains.Hosting;
using TrendVault.ServiceDefaults;
using TrendVault.Silo;
using TrendVault.Storage;
using TrendVault.Storage.Connections;

// A web host only for operators: GET /metrics and /health/ready on Metrics:Host/Metrics:Port; grains talk over Orleans' own ports.
var builder = WebApplication.CreateBuilder(args);
var connectionString = PostgresConnection.FromConfiguration(builder.Configuration);
// Grain storage, reminders and clustering share one Npgsql pool (one connection string): the Orleans
// part of the silo's budget. The snapshot writer and stores get the rest (AddTrendVaultStorage).
var orleansConnectionString = ConnectionBudget.WithPoolSize(connectionString,
    ConnectionBudget.OrleansPoolSize(ConnectionBudgetOptions.FromConfiguration(builder.Configuration).SiloPoolSize));
var siloOptions = builder.Configuration.GetSection("Orleans").Get<SiloHostOptions>() ?? new SiloHostOptions();
var metricsOptions = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
builder.WebHost.UseUrls(metricsOptions.Url);

builder.Services.AddTrendVaultCollection(builder.Configuration);
builder.Services.AddTrendVaultTelemetry(builder.Configuration, "trendvault-silo");
builder.Services.AddHealthChecks().AddCheck<StartupHealthCheck>("startup");
builder.UseOrleans(silo =>
{
    silo.AddTrendVaultClustering(orleansConnectionString, siloOptions).AddTrendVaultPersistence(orleansConnectionString);
    // Collects the grain and silo metrics the gateway's Orleans dashboard shows.
    silo.AddDashboard();
    // A collection tick's trace continues through the grain calls it makes.
    silo.AddActivityPropagation();
    // Failure detection and reminder settings stay Orleans' defaults unless configured (the failover tests shorten them).
    // Not "Orleans:Reminders": Orleans reads that section itself as the reminder *provider* (ProviderType, default
    // "Default"), so any key there makes the silo fail at start with "Could not find Reminders provider named 'Default'".
    silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
    silo.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Orleans:ReminderOptions"));
});

var app = builder.Build();
app.MapTrendVaultMetrics();
app.MapHealthChecks("/health/ready");
app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrendVault.Silo").LogInformation(
    "Silo {ClusterId} on silo port {SiloPort}, gateway port {GatewayPort}, metrics at {MetricsUrl}/metrics; database {Database}; YouTube API at {YouTubeBaseUrl}",
    siloOptions.ClusterId, siloOptions.SiloPort, siloOptions.GatewayPort, metricsOptions.Url,
    PostgresConnection.Redact(connectionString), builder.Configuration["YOUTUBE_BASE_URL"] ?? TrendVault.YouTube.YouTubeOptions.DefaultBaseUrl);
await app.RunAsync();
