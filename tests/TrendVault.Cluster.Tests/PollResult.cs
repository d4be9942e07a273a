namespace TrendVault.Cluster.Tests;

/// <summary>One request of a <see cref="GatewayPoller"/>: the status code, or the error when there was no answer.</summary>
public sealed record PollResult(DateTimeOffset At, string Path, int? Status, string? Error, TimeSpan Took)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public override string ToString() => $"{At:HH:mm:ss.fff} {Path} → {(Status?.ToString() ?? Error)} in {Took.TotalMilliseconds:F0} ms";
}
