namespace TrendVault.Silo;

/// <summary>The "Metrics" section: where the silo serves GET /metrics (Prometheus text format).</summary>
public sealed class MetricsOptions
{
    /// <summary>Loopback unless told otherwise; a container sets 0.0.0.0 so Prometheus can reach it on the container network.</summary>
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 9464;

    public string Url => $"http://{(Host is "*" or "+" ? "0.0.0.0" : Host)}:{Port}";
}
