using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Scalar.AspNetCore;
using TrendVault.Gateway;
using TrendVault.Gateway.Apis;
using TrendVault.Gateway.Caching;
using TrendVault.Gateway.Contracts;
using TrendVault.Gateway.Health;
using TrendVault.Gateway.Limits;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Security;
using TrendVault.ServiceDefaults;
using TrendVault.Storage;
using TrendVault.Storage.Connections;

var builder = WebApplication.CreateBuilder(args);
// A build (unlike a publish) leaves wwwroot in the project folder and writes a manifest pointing at
// it next to the dll; ASP.NET Core reads that manifest only in Development. Read it in every
// environment, so the dashboard is served when scripts/run.sh starts the build output. Published
// output has no manifest (wwwroot is copied beside the dll), so there this does nothing.
if (!builder.Environment.IsDevelopment())
{
    builder.WebHost.UseStaticWebAssets();
}

var configuration = builder.Configuration;
var connectionString = PostgresConnection.FromConfiguration(configuration);
// The gateway's budget (Database:GatewayPoolSize): the Orleans client's membership reads get their share, queries the rest.
var gatewayPoolSize = ConnectionBudgetOptions.FromConfiguration(configuration).GatewayPoolSize;
builder.Services.AddConnectionBudget(configuration);

builder.Services.AddOptions<GatewayApiOptions>()
    .Bind(configuration.GetSection("Orleans"))
    .Configure(o =>
    {
        o.AdminToken = configuration["TRENDVAULT_ADMIN_TOKEN"] is { Length: > 0 } token ? token : null;
        o.StaticRoot = configuration["Catalog:StaticRoot"] ?? o.StaticRoot;
        o.TrackingDays = configuration.GetValue("Tracking:Days", o.TrackingDays);
        o.RetentionDays = configuration.GetValue<int?>("Retention:Days");
        o.BucketSize = configuration.GetValue("Collection:BucketSize", o.BucketSize);
        var youTube = configuration["YOUTUBE_BASE_URL"];
        o.DataSource = youTube is null || (Uri.TryCreate(youTube, UriKind.Absolute, out var uri) && uri.Host.EndsWith("googleapis.com", StringComparison.OrdinalIgnoreCase))
            ? "youtube" : "fake";
    })
    .Validate(o => o.AdminToken is null or { Length: >= 16 }, "TRENDVAULT_ADMIN_TOKEN must be at least 16 characters when set.")
    .Validate(o => o.BucketSize >= TimeSpan.FromSeconds(1), "Collection:BucketSize must be at least one second.")
    .ValidateOnStart();

builder.Services.AddOptions<ExportOptions>()
    .Bind(configuration.GetSection("Exports"))
    .Validate(o => o.MaxConcurrent is >= 1 and <= 1000, "Exports:MaxConcurrent must be from 1 to 1000.")
    .ValidateOnStart();

builder.Services.AddClientRateLimits(configuration);
builder.Services.AddSingleton<OutputCacheMetrics>();
// Video ids are case-sensitive: /api/videos/abc… and /api/videos/ABC… are different answers.
builder.Services.AddOutputCache(o => o.UseCaseSensitivePaths = true);

builder.UseOrleansClient(client =>
{
    client.UseAdoNetClustering(o =>
    {
        o.Invariant = "Npgsql";
        o.ConnectionString = ConnectionBudget.WithPoolSize(connectionString, ConnectionBudget.OrleansPoolSize(gatewayPoolSize));
    });
    // The cluster identity comes from the validated gateway options rather than a second binding.
    client.Services.AddOptions<ClusterOptions>().Configure<IOptions<GatewayApiOptions>>((o, gateway) =>
    {
        o.ClusterId = gateway.Value.ClusterId;
        o.ServiceId = gateway.Value.ServiceId;
    });
    client.UseConnectionRetryFilter<ClientConnectionRetryFilter>();
    // A request caught by a silo crash gets its 503 in seconds rather than after Orleans' 30 s default.
    client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
    client.Configure<ClientMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
    client.AddDashboard();
    client.AddActivityPropagation();
});
builder.Services.AddTrendVaultTelemetry(configuration, "trendvault-gateway");

builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(ConnectionBudget.WithPoolSize(connectionString, ConnectionBudget.DataSourcePoolSize(gatewayPoolSize))));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<RegionQueries>();
builder.Services.AddSingleton<VideoQueries>();
builder.Services.AddSingleton<StatsQueries>();
builder.Services.AddSingleton<ExportQueries>();
builder.Services.AddSingleton<RegionDirectory>();
builder.Services.AddSingleton<AdminTokenFilter>();
builder.Services.AddSingleton<ExportSlots>();

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CachedAnswersJsonContext.Default));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks()
    .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
    .AddCheck<OrleansHealthCheck>("orleans", tags: ["ready"]);

var app = builder.Build();

app.UseClientAddresses();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();

// The web dashboard (wwwroot) at /, collected data such as flags under /static.
app.UseDefaultFiles();
app.UseStaticFiles();
var staticRoot = Path.GetFullPath(app.Services.GetRequiredService<IOptions<GatewayApiOptions>>().Value.StaticRoot);
Directory.CreateDirectory(staticRoot);
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = new PhysicalFileProvider(staticRoot),
    RequestPath = "/static",
    OnPrepareResponse = file => file.Context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.CollectedFilePolicy,
});

// The Orleans dashboard (silos, grains, reminders) is for operators: admin token only.
const string orleansDashboard = "/orleans-dashboard";
app.UseWhen(context => context.Request.Path.StartsWithSegments(orleansDashboard), branch => branch.UseMiddleware<DashboardAdminMiddleware>());
app.MapOrleansDashboard(orleansDashboard);

app.UseRateLimiter();
// On by default; off to measure what answers cost the database (the benchmark's latency figures).
if (configuration.GetValue("OutputCache:Enabled", true))
{
    app.UseOutputCache();
}

app.MapTrendVaultMetrics();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });

app.MapRegionsApi();
app.MapVideosApi();
app.MapStatsApi();
app.MapExportApi();
app.MapStatusApi();
app.MapCatalogApi();

app.Run();
