using TrendVault.Processes;

namespace TrendVault.Bench.Hosting;

/// <summary>The fake YouTube API as its own process (as scripts/run.sh starts it), knowing <c>poolSize</c> videos.</summary>
public sealed class FakeYouTubeProcess : IAsyncDisposable
{
    private FakeYouTubeProcess(ManagedProcess process, Uri rootUrl)
    {
        Process = process;
        RootUrl = rootUrl;
    }

    public ManagedProcess Process { get; }

    public Uri RootUrl { get; }

    public Uri ApiUrl => new(RootUrl, "youtube/v3/");

    public static async Task<FakeYouTubeProcess> StartAsync(int poolSize, string logDirectory)
    {
        var root = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var process = ManagedProcess.Start("fake-youtube", ProductBinaries.Dll(ProductBinaries.FakeYouTube), new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = root.ToString().TrimEnd('/'),
            ["FakeYouTube__PoolSize"] = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // It stands in for YouTube: its own request logging is not the product's cost.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        }, Path.Combine(logDirectory, "fake-youtube.log"));
        var fake = new FakeYouTubeProcess(process, root);
        try
        {
            await process.WaitForLineAsync("Application started", TimeSpan.FromSeconds(60));
            return fake;
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
