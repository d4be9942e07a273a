using TrendVault.Bench;

// scripts/bench.sh runs this with --pg pointing at a throwaway server; see docs/benchmarks.md.
var options = BenchOptions.Parse(args);
var report = await BenchRunner.RunAsync(options, Console.Out);
Console.WriteLine();
Console.Write(report.Render());
