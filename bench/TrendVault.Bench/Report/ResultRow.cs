namespace TrendVault.Bench.Report;

/// <summary>
/// One line of the results: a figure, the baseline measured in the same run and their ratio, and the
/// issue's target. <see cref="Value"/> is the figure the target applies to.
/// </summary>
public sealed record ResultRow(
    string Key,
    string Benchmark,
    string Figure,
    double Value,
    string Baseline,
    double BaselineValue,
    string Target,
    bool? Met)
{
    public double Ratio => BaselineValue == 0 ? double.NaN : Value / BaselineValue;
}
