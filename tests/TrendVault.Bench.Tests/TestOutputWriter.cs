using System.Text;

namespace TrendVault.Bench.Tests;

/// <summary>The benchmark's progress lines (with the phases' durations) in the test's output.</summary>
public sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => output.WriteLine(value ?? "");
}
