using System.Diagnostics;
using System.Globalization;

namespace TrendVault.Bench.Load;

/// <summary>
/// The `hey` load generator (Debian package hey; scripts/bench.sh installs it), one process per run,
/// its per-request CSV read back so percentiles come from every request.
/// </summary>
public sealed class HeyLoadTool : ILoadTool
{
    public string Name => "hey";

    /// <summary>hey when it is on the PATH.</summary>
    public static HeyLoadTool? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "hey"))) ? new HeyLoadTool() : null;

    public Task<LoadResult> RunAsync(Uri url, int requests, int concurrency) =>
        RunAsync(url, concurrency, requests, "-n", requests.ToString(CultureInfo.InvariantCulture));

    public Task<LoadResult> RunForAsync(Uri url, TimeSpan duration, int concurrency) =>
        RunAsync(url, concurrency, null, "-z", $"{duration.TotalMilliseconds:F0}ms");

    private static async Task<LoadResult> RunAsync(Uri url, int concurrency, int? requests, string limit, string value)
    {
        var info = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { limit, value, "-c", concurrency.ToString(CultureInfo.InvariantCulture), "-o", "csv", url.AbsoluteUri })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start hey.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"hey exited with {process.ExitCode}: {await errors}");
        }
        // response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset (seconds)
        var latencies = new List<double>();
        var failures = 0;
        var end = 0.0;
        foreach (var line in (await output).Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            var seconds = double.Parse(fields[0], CultureInfo.InvariantCulture);
            latencies.Add(seconds * 1000);
            if (fields[6] is not ['2', _, _])
            {
                failures++;
            }
            end = Math.Max(end, double.Parse(fields[7], CultureInfo.InvariantCulture) + seconds);
        }
        failures += (requests ?? latencies.Count) - latencies.Count;
        return new LoadResult(latencies, failures, end);
    }
}
