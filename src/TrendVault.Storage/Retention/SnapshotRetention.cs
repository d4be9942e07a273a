using Microsoft.Extensions.Logging;
using Npgsql;
using TrendVault.Model;

namespace TrendVault.Storage.Retention;

/// <summary>
/// Deletes snapshots (hot rows and compacted days) and chart ranks older than a cutoff, a small batch per
/// statement, each its own transaction: collection writes only new buckets, so it never waits on these.
/// A compacted day goes once all of it is older than the cutoff.
/// </summary>
public sealed partial class SnapshotRetention(NpgsqlDataSource dataSource, ILogger<SnapshotRetention> logger)
{
    // Each statement answers (rows deleted, what they held): a batch smaller than asked is the last.
    private const string DeleteCharts = """
        WITH gone AS (
            DELETE FROM trending_charts WHERE ctid = ANY (ARRAY (
                SELECT ctid FROM trending_charts WHERE bucket < $1 LIMIT $2))
            RETURNING cardinality(array_remove(video_ids, NULL)) AS ranks)
        SELECT count(*), coalesce(sum(ranks), 0) FROM gone
        """;

    // A video's best rank and last bucket in a region describe charts that are kept, or nothing.
    private const string DeleteChartRegions = """
        WITH gone AS (
            DELETE FROM video_chart_regions WHERE ctid = ANY (ARRAY (
                SELECT ctid FROM video_chart_regions WHERE last_bucket < $1 LIMIT $2))
            RETURNING 1)
        SELECT count(*), count(*) FROM gone
        """;

    // ...and so does the last chart bucket beside a sighting (sql/0023): top gainers take it for "charted in the window".
    private const string ForgetChartBuckets = """
        WITH forgotten AS (
            UPDATE video_sightings SET last_chart_bucket = NULL WHERE ctid = ANY (ARRAY (
                SELECT ctid FROM video_sightings WHERE last_chart_bucket < $1 LIMIT $2))
            RETURNING 1)
        SELECT count(*), count(*) FROM forgotten
        """;

    private const string DeleteSnapshots = """
        WITH gone AS (
            DELETE FROM video_snapshots WHERE ctid = ANY (ARRAY (
                SELECT ctid FROM video_snapshots WHERE bucket < $1 LIMIT $2))
            RETURNING 1)
        SELECT count(*), count(*) FROM gone
        """;

    private const string DeleteDays = """
        WITH gone AS (
            DELETE FROM video_snapshot_days WHERE ctid = ANY (ARRAY (
                SELECT ctid FROM video_snapshot_days WHERE day <= $1 - interval '24 hours' LIMIT $2))
            RETURNING 1)
        SELECT count(*), count(*) FROM gone
        """;

    public async Task<RetentionResult> PruneAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        var entries = await DeleteInBatchesAsync(DeleteCharts, cutoff, batchSize, cancellationToken);
        await DeleteInBatchesAsync(DeleteChartRegions, cutoff, batchSize, cancellationToken);
        await DeleteInBatchesAsync(ForgetChartBuckets, cutoff, batchSize, cancellationToken);
        var snapshots = await DeleteInBatchesAsync(DeleteSnapshots, cutoff, batchSize, cancellationToken);
        var days = await DeleteInBatchesAsync(DeleteDays, cutoff, batchSize, cancellationToken);
        var result = new RetentionResult(cutoff, snapshots, days, entries);
        LogPruned(cutoff, snapshots, days, entries);
        return result;
    }

    private async Task<long> DeleteInBatchesAsync(string sql, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var deleted = reader.GetInt64(0);
            total += Convert.ToInt64(reader.GetValue(1));
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention before {Cutoff:o}: {Snapshots} snapshots, {Days} compacted video-days and {Entries} chart ranks removed")]
    private partial void LogPruned(DateTimeOffset cutoff, long snapshots, long days, long entries);
}
