using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendVault.Grains.Hosting;
using TrendVault.Silo;
using TrendVault.Storage;

var builder = Host.CreateApplicationBuilder(args);
var connectionString = PostgresConnection.FromConfiguration(builder.Configuration);
var siloOptions = builder.Configuration.GetSection("Orleans").Get<SiloOptions>() ?? new SiloOptions();

builder.Services.AddTrendVaultCollection(builder.Configuration);
builder.UseOrleans(silo => silo
    .AddTrendVaultClustering(connectionString, siloOptions)
    .AddTrendVaultPersistence(connectionString));

using var host = builder.Build();
host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrendVault.Silo").LogInformation(
    "Silo {ClusterId} on silo port {SiloPort}, gateway port {GatewayPort}; database {Database}; YouTube API at {YouTubeBaseUrl}",
    siloOptions.ClusterId, siloOptions.SiloPort, siloOptions.GatewayPort,
    PostgresConnection.Redact(connectionString), builder.Configuration["YOUTUBE_BASE_URL"] ?? TrendVault.YouTube.YouTubeOptions.DefaultBaseUrl);
await host.RunAsync();
