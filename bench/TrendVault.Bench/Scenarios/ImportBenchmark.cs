using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TrendVault.Bench.Hosting;
using TrendVault.Bench.Report;
using TrendVault.Import;
using TrendVault.Import.Csv;
using TrendVault.Storage.Import;
using TrendVault.Testing;

namespace TrendVault.Bench.Scenarios;

/// <summary>
/// Issue 16's import speed. The real 2020 US dataset file (872 rows over 5 days) is chained into years of
/// history: each copy five days after the last, with videos of its own as charts turn over. The product's
/// importer loads it into a fresh database, then loads it again (which must add nothing). The baseline is
/// the importer's CSV reader alone over the same file, without the database.
/// </summary>
public static class ImportBenchmark
{
    private const string Source = "US_youtube_trending_data.csv";
    private const double Target = 50_000;

    public static async Task RunAsync(string server, BenchSizes sizes, string workDirectory, ResultTable table, TextWriter log, bool keep)
    {
        Directory.CreateDirectory(workDirectory);
        var file = Path.Combine(workDirectory, "US_trending_chained.csv");
        var (rows, days) = await ChainAsync(SharedDatasets.File(Source), file, sizes.ImportCopies);
        log.WriteLine($"Import: {rows:N0} rows over {days:N0} days ({sizes.ImportCopies} copies of {Source}), {new FileInfo(file).Length / (1 << 20):N0} MiB");

        var parsed = ReadOnly(file);
        await using var database = await BenchDatabase.CreateAsync(server, "import", keep);
        var importer = new TrendingFileImporter(new HistoryImportStore(database.DataSource), TimeProvider.System);
        var first = await importer.ImportAsync(file, "US", progress: null, CancellationToken.None);
        var again = await importer.ImportAsync(file, "US", progress: null, CancellationToken.None);
        if (first.Result.Rows != rows || first.AllSkipped.Count != 0 || again.Result.NewSnapshots != 0 || again.Result.NewCharts != 0)
        {
            throw new InvalidOperationException($"The import did not store the file as expected: {first.Result} then {again.Result}, skipped {first.AllSkipped.Count}.");
        }

        var baseline = $"{parsed:N0} rows/s reading the CSV alone";
        table.Add(new ResultRow("import.rows_per_second", $"Import a dataset file ({rows:N0} rows, {days:N0} days, {first.Result.Videos:N0} videos)",
            $"{first.RowsPerSecond:N0} rows/s ({first.Elapsed.TotalSeconds:N1} s, one transaction)", first.RowsPerSecond, baseline, parsed,
            $"≥ {Target:N0} rows/s", first.RowsPerSecond >= Target));
        table.Add(new ResultRow("import.again_rows_per_second", "Import the same file again (adds nothing)",
            $"{again.RowsPerSecond:N0} rows/s, {again.Result.NewSnapshots} new snapshots", again.RowsPerSecond, baseline, parsed,
            "nothing added", again.Result.NewSnapshots == 0));
    }

    private static double ReadOnly(string file)
    {
        var watch = Stopwatch.StartNew();
        using var stream = File.OpenRead(file);
        using var reader = TrendingCsvReader.Open(stream);
        var rows = reader.ReadRows().LongCount();
        return rows / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Writes <paramref name="copies"/> copies of the source's complete rows, each shifted five days and with its own video ids.</summary>
    private static async Task<(long Rows, int Days)> ChainAsync(string source, string target, int copies)
    {
        var records = new List<string[]>();
        using (var reader = new StreamReader(source))
        // The shared file is the first 1.28 MB of the original: its last row is cut off inside a quote, and left out.
        using (var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null }))
        {
            while (parser.Read())
            {
                records.Add(parser.Record!);
            }
        }
        var header = records[0];
        var rows = records.Skip(1).Take(records.Count - 2).ToList();
        int Column(string name) => Array.IndexOf(header, name);
        var (id, trending, published) = (Column("video_id"), Column("trending_date"), Column("publishedAt"));

        await using var writer = new StreamWriter(target);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = _ => true });
        foreach (var name in header)
        {
            csv.WriteField(name);
        }
        await csv.NextRecordAsync();
        var days = new HashSet<string>();
        for (var copy = 0; copy < copies; copy++)
        {
            foreach (var row in rows)
            {
                var shifted = (string[])row.Clone();
                shifted[id] = row[id][..8] + CopyTag(copy);
                shifted[trending] = Shift(row[trending], copy);
                shifted[published] = Shift(row[published], copy);
                days.Add(shifted[trending]);
                foreach (var field in shifted)
                {
                    csv.WriteField(field);
                }
                await csv.NextRecordAsync();
            }
        }
        return ((long)rows.Count * copies, days.Count);
    }

    private static string Shift(string instant, int copy) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddDays(5 * copy).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Three characters of the id alphabet name the copy: up to 64³ copies get ids of their own.
    private static string CopyTag(int copy)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return new string([alphabet[copy / 4096 % 64], alphabet[copy / 64 % 64], alphabet[copy % 64]]);
    }
}
