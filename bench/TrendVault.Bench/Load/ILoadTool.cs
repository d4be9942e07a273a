namespace TrendVault.Bench.Load;

/// <summary>Sends GET requests at a URL from a fixed number of connections.</summary>
public interface ILoadTool
{
    string Name { get; }

    /// <summary>Exactly <paramref name="requests"/> requests.</summary>
    Task<LoadResult> RunAsync(Uri url, int requests, int concurrency);

    /// <summary>As many requests as fit in <paramref name="duration"/>.</summary>
    Task<LoadResult> RunForAsync(Uri url, TimeSpan duration, int concurrency);
}
