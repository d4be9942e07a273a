using System.Diagnostics;
using System.Globalization;
using TrendVault.Import.Csv;
using TrendVault.Storage.Import;

namespace TrendVault.Import;

/// <summary>Imports one dataset file: reads it row by row into the store's single transaction, reporting progress.</summary>
public sealed class TrendingFileImporter(HistoryImportStore store, TimeProvider clock)
{
    /// <param name="progress">Called now and then with the bytes read so far and the rows read so far.</param>
    public async Task<FileReport> ImportAsync(string file, string region, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using var reader = TrendingCsvReader.Open(stream);
        var result = await store.ImportAsync(region, RegionName(region), Reported(reader, progress), clock.GetUtcNow(), cancellationToken);
        return new FileReport(file, region, reader.Layout, result, reader.Skipped, reader.DislikesSeen, Stopwatch.GetElapsedTime(started));
    }

    private static IEnumerable<ImportedRow> Reported(TrendingCsvReader reader, Action<long, long>? progress)
    {
        long rows = 0;
        foreach (var row in reader.ReadRows())
        {
            if (++rows % 1000 == 0)
            {
                progress?.Invoke(reader.BytesRead, rows);
            }
            yield return row;
        }
        progress?.Invoke(reader.BytesRead, rows);
    }

    /// <summary>The region's English name for a region the catalog lacks; the catalog's fetch replaces it.</summary>
    private static string RegionName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
