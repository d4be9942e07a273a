using TrendVault.FakeYouTube;

// Standalone simulated API for the demo; addresses come from ASPNETCORE_URLS or --urls.
var app = FakeYouTubeApp.Build(WebApplication.CreateBuilder(args));
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning(
    "Simulated YouTube Data API: data is generated, not real. API base URL: {BaseUrls}",
    string.Join(", ", app.Urls.Select(url => url.TrimEnd('/') + "/youtube/v3/"))));
await app.RunAsync();
