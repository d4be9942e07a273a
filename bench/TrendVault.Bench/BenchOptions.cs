namespace TrendVault.Bench;

/// <summary>Command line: --pg SERVER_CONNECTION_STRING [--smoke] [--days N] [--videos N] [--catalog N] [--only PART] [--silo-dir DIR] [--work DIR] [--keep].</summary>
public sealed record BenchOptions
{
    public const string ServerVariable = "TRENDVAULT_BENCH_PG";

    /// <summary>A PostgreSQL server the benchmark may create and drop databases on.</summary>
    public required string ServerConnectionString { get; init; }

    public required BenchSizes Sizes { get; init; }

    /// <summary>Logs of the processes the benchmark starts.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Leave the benchmark databases in place afterwards, to inspect queries (EXPLAIN) on the loaded year.</summary>
    public bool KeepDatabases { get; init; }

    /// <summary>One part alone (<c>year</c>, <c>collection</c>, <c>memory</c> or <c>realistic</c>), to iterate on one figure; null runs all.</summary>
    public string? Only { get; init; }

    public bool Runs(string part) => Only is null || Only == part;

    /// <summary>A published silo folder to run instead of the build output; null runs the build output.</summary>
    public string? SiloDirectory { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? server = Environment.GetEnvironmentVariable(ServerVariable);
        var sizes = BenchSizes.Full;
        var work = Path.Combine(Path.GetTempPath(), "trendvault-bench");
        var keep = false;
        string? only = null;
        string? silo = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--smoke": sizes = BenchSizes.Smoke; break;
                case "--pg": server = Value(); break;
                case "--work": work = Value(); break;
                case "--keep": keep = true; break;
                case "--silo-dir": silo = Value(); break;
                case "--only":
                    only = Value();
                    if (only is not ("year" or "collection" or "memory" or "realistic" or "import"))
                    {
                        throw new ArgumentException($"--only takes year, collection, memory, realistic or import, not {only}.");
                    }
                    break;
                // Partial years, for a quicker look at how a figure scales.
                case "--days":
                    var days = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture);
                    sizes = sizes with { Days = days, RealisticDays = days };
                    break;
                case "--catalog": sizes = sizes with { CatalogVideos = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) }; break;
                case "--videos": sizes = sizes with { Videos = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) }; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}. Usage: --pg CONNECTION_STRING [--smoke] [--days N] [--videos N] [--catalog N] [--only year|collection|memory|realistic|import] [--silo-dir DIR] [--work DIR] [--keep]");
            }
        }
        if (string.IsNullOrEmpty(server))
        {
            throw new ArgumentException($"Give the PostgreSQL server with --pg or {ServerVariable}.");
        }
        return new BenchOptions { ServerConnectionString = server, Sizes = sizes, WorkDirectory = work, KeepDatabases = keep, Only = only, SiloDirectory = silo };
    }
}
