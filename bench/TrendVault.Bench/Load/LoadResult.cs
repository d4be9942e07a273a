namespace TrendVault.Bench.Load;

/// <summary>What one load run measured: each request's latency and how long the whole run took.</summary>
public sealed class LoadResult(IReadOnlyList<double> latenciesMs, int failures, double seconds)
{
    private readonly double[] _sorted = latenciesMs.Order().ToArray();

    public int Requests => _sorted.Length;

    /// <summary>Answers other than 2xx (and transport errors).</summary>
    public int Failures { get; } = failures;

    public double Seconds { get; } = seconds;

    public double RequestsPerSecond => Requests / Seconds;

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
