using System.Globalization;
using TrendVault.Bench.Hosting;
using TrendVault.Bench.Report;

namespace TrendVault.Bench.Storage;

/// <summary>
/// Bytes per snapshot of the product's snapshot storage after a loaded year (heap, TOAST and every
/// index of video_snapshots and video_snapshot_days), against a plain one-row-per-snapshot table with a
/// unique index loaded with a sample of the same year.
/// </summary>
public static class StorageBenchmark
{
    private const string PlainTable = "bench_plain_snapshots";

    public static async Task RunAsync(BenchDatabase database, SyntheticYear year, BenchSizes sizes, ResultTable table, TextWriter log)
    {
        var loader = new YearLoader(database, year, log);
        log.WriteLine($"Storage: loading {year.Snapshots:N0} snapshots ({year.Videos:N0} videos × {year.Hours:N0} hours), compacting day by day");
        var loadTime = await loader.LoadAsync();

        var hot = await database.ScalarAsync<long>("SELECT count(*) FROM video_snapshots");
        var compacted = await database.ScalarAsync<long>("SELECT coalesce(sum(cardinality(array_remove(views_off, NULL))), 0) FROM video_snapshot_days");
        if (hot + compacted != year.Snapshots)
        {
            throw new InvalidOperationException($"Expected {year.Snapshots} snapshots after compaction, found {hot} hot + {compacted} compacted.");
        }
        var hotBytes = await database.ScalarAsync<long>("SELECT pg_total_relation_size('video_snapshots')");
        var compactedBytes = await database.ScalarAsync<long>("SELECT pg_total_relation_size('video_snapshot_days')");

        await database.ExecuteAsync($"""
            CREATE TABLE {PlainTable} (
                video_id integer NOT NULL, bucket timestamptz NOT NULL, views bigint NOT NULL, likes bigint, comments bigint,
                UNIQUE (video_id, bucket))
            """);
        var baselineHours = Math.Min(year.Hours, sizes.BaselineDays * 24);
        await loader.CopyPlainAsync(PlainTable, baselineHours);
        await database.ExecuteAsync($"VACUUM ANALYZE {PlainTable}");
        var plainBytes = await database.ScalarAsync<long>($"SELECT pg_total_relation_size('{PlainTable}')");
        var plainPerSnapshot = plainBytes / ((double)baselineHours * year.Videos);
        await database.ExecuteAsync($"DROP TABLE {PlainTable}");

        var baseline = $"{plainPerSnapshot:F1} B (plain table + unique index, {baselineHours * (long)year.Videos:N0}-row sample)";
        var overall = (hotBytes + compactedBytes) / (double)(hot + compacted);
        table.Add(new ResultRow("storage.all", "Storage: bytes per snapshot, all",
            $"{overall:F1} B ({Gib(hotBytes + compactedBytes)} for {hot + compacted:N0} snapshots)", overall, baseline, plainPerSnapshot, "≤ 45 B", overall <= 45));
        var older = compacted == 0 ? double.NaN : compactedBytes / (double)compacted;
        table.Add(new ResultRow("storage.older", "Storage: bytes per snapshot, older than 2 days (compacted days)",
            $"{older:F1} B ({compacted:N0} snapshots)", older, baseline, plainPerSnapshot, "≤ 30 B", older <= 30));
        var hotPerSnapshot = hot == 0 ? double.NaN : hotBytes / (double)hot;
        table.Add(new ResultRow("storage.hot", "Storage: bytes per snapshot, hot (last ~2 days, one row each)",
            $"{hotPerSnapshot:F1} B ({hot:N0} snapshots)", hotPerSnapshot, baseline, plainPerSnapshot, "–", null));
        table.Note(string.Create(CultureInfo.InvariantCulture,
            $"Storage: {year.Videos:N0} videos × {year.Hours:N0} hourly buckets ending {year.LastBucket:u}, {year.Regions.Count} regions × 200 ranks per hour; loaded by binary COPY day by day, each closed day compacted by SnapshotCompactor (2-day hot window) and VACUUMed, in {loadTime.TotalMinutes:F1} min."));
    }

    private static string Gib(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB");
}
