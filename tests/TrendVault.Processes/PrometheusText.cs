using System.Globalization;
using System.Text.RegularExpressions;

namespace TrendVault.Processes;

/// <summary>Samples of a Prometheus text exposition: the sum of a metric's samples whose labels include the given ones.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>One scrape of a /metrics endpoint.</summary>
    public static async Task<PrometheusText> ScrapeAsync(Uri url)
    {
        using var http = new HttpClient();
        return new PrometheusText(await http.GetStringAsync(url));
    }

    public double Sum(string metric, params (string Name, string Value)[] labels) => Text.Split('\n')
        .Select(line => Sample().Match(line))
        .Where(match => match.Success && match.Groups["name"].Value == metric
            && labels.All(label => match.Groups["labels"].Value.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
        .Sum(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();
}
