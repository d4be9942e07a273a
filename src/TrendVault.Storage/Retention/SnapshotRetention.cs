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
    private const string DeleteEntries = """
        DELETE FROM trending_entries WHERE ctid = ANY (ARRAY (
            SELECT ctid FROM trending_entries WHERE bucket < $1 LIMIT $2))
        """;

    private const string DeleteSnapshots = """
        DELETE FROM video_snapshots WHERE ctid = ANY (ARRAY (
            SELECT ctid FROM video_snapshots WHERE bucket < $1 LIMIT $2))
        """;

    private const string DeleteDays = """
        DELETE FROM video_snapshot_days WHERE ctid = ANY (ARRAY (
            SELECT ctid FROM video_snapshot_days WHERE day <= $1 - interval '24 hours' LIMIT $2))
        """;

    public async Task<RetentionResult> PruneAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        var entries = await DeleteInBatchesAsync(DeleteEntries, cutoff, batchSize, cancellationToken);
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
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention before {Cutoff:o}: {Snapshots} snapshots, {Days} compacted video-days and {Entries} chart ranks removed")]
    private partial void LogPruned(DateTimeOffset cutoff, long snapshots, long days, long entries);
}
