using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TrendVault.Model;

namespace TrendVault.Storage.Snapshots;

/// <summary>
/// Per-process batcher in the manner of GPSTracker's PushNotifierGrain: video grains hand in
/// records, one loop writes them with a single binary COPY per batch and completes each caller's
/// task once its batch has committed. Conflicts on (video, bucket) are ignored, so a batch retried
/// after a database restart, or a bucket collected twice, adds nothing. Snapshots of videos already
/// stored with the same metadata (nearly all of an hourly cycle) are copied straight into their table.
/// </summary>
public sealed partial class SnapshotWriter(
    NpgsqlDataSource dataSource,
    IOptions<SnapshotWriterOptions> options,
    SnapshotWriterMetrics metrics,
    ILogger<SnapshotWriter> logger) : BackgroundService, ISnapshotWriter
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(SnapshotRecord record, CancellationToken cancellationToken = default)
    {
        // Hashed here, on the caller's thread, so the one writing loop does not.
        var pending = new Pending(record, MetadataHash.Of(record.Metadata), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            Activity.Current?.Context ?? default);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The snapshot writer is stopped.");
        }
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The loop serves every caller: its spans start traces of their own, whatever span started the host.
        Activity.Current = null;
        var settings = options.Value;
        var batch = new List<Pending>(settings.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Drain(batch, settings.MaxBatchSize);
                if (batch.Count < settings.MaxBatchSize)
                {
                    await Task.Delay(settings.Linger, stoppingToken);
                    Drain(batch, settings.MaxBatchSize);
                }
                await WriteWithRetryAsync(batch, settings, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            foreach (var pending in batch)
            {
                pending.Committed.TrySetCanceled(stoppingToken);
            }
            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Committed.TrySetCanceled(stoppingToken);
            }
        }
    }

    private void Drain(List<Pending> batch, int max)
    {
        while (batch.Count < max && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task WriteWithRetryAsync(List<Pending> batch, SnapshotWriterOptions settings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteBatchAsync(batch, cancellationToken);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetResult();
                }
                return;
            }
            catch (Exception exception) when (IsTransient(exception) && attempt < settings.MaxAttempts)
            {
                var delay = settings.RetryBaseDelay * Math.Pow(2, attempt - 1);
                LogRetry(batch.Count, attempt, delay.TotalMilliseconds, exception.Message);
                metrics.Retried(exception);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !IsTransient(exception) && batch.Count > 1)
            {
                // A record the database refuses, or one this process cannot even encode (a lone surrogate, an
                // out-of-range number), must not fail its neighbours: halve until it stands alone.
                LogSplit(batch.Count, exception is PostgresException postgres ? postgres.SqlState : exception.GetType().Name);
                metrics.Split(exception);
                var half = batch.Count / 2;
                await WriteWithRetryAsync(batch[..half], settings, cancellationToken);
                await WriteWithRetryAsync(batch[half..], settings, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception, batch.Count, attempt);
                metrics.Failed(exception);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetException(exception);
                }
                return;
            }
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or TimeoutException;

    private async Task WriteBatchAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        // A batch serves many collections at once: its span is linked to each one's trace rather than in one of them.
        var links = batch.Where(p => p.Caller != default).DistinctBy(p => p.Caller.TraceId).Select(p => new ActivityLink(p.Caller));
        using var activity = TrendVaultTelemetry.ActivitySource.StartActivity("commit snapshot batch", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("trendvault.batch.size", batch.Count);
        var watch = Stopwatch.StartNew();
        int copied;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            try
            {
                copied = await WriteAsync(connection, batch, copyKnown: true, cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A snapshot already stored (a bucket retried after a lost commit, or recorded twice): the merge skips it.
                LogMergeFallback(batch.Count);
                copied = await WriteAsync(connection, batch, copyKnown: false, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, SnapshotWriterMetrics.Reason(exception));
            throw;
        }
        LogCommitted(batch.Count, copied, watch.Elapsed.TotalMilliseconds);
        metrics.Committed(batch.Count, copied, watch.Elapsed);
    }

    /// <summary>One transaction for the batch; returns how many records took the copy path.</summary>
    private static async Task<int> WriteAsync(NpgsqlConnection connection, List<Pending> batch, bool copyKnown, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = copyKnown ? await LookupUnchangedAsync(connection, transaction, batch, cancellationToken) : new int?[batch.Count];
        var merged = Enumerable.Range(0, batch.Count).Where(i => ids[i] is null).ToList();
        if (merged.Count > 0)
        {
            await MergeAsync(connection, transaction, batch, merged, cancellationToken);
        }
        var copied = batch.Count - merged.Count;
        if (copied > 0)
        {
            await TouchLastSeenAsync(connection, transaction, batch, ids, cancellationToken);
            await using var importer = await connection.BeginBinaryImportAsync(SnapshotSql.CopySnapshots, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                // Without a view count there is no snapshot to store (the column, like a compacted day's slot, needs views).
                if (ids[i] is { } id && batch[i].Record.Statistics.Views is not null)
                {
                    var record = batch[i].Record;
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(record.Bucket.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteStatisticsAsync(importer, record.Statistics, cancellationToken);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    /// <summary>The ids of the batch's videos that are stored with the same metadata; null for new or changed ones.</summary>
    private static async Task<int?[]> LookupUnchangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Pending> batch, CancellationToken cancellationToken)
    {
        var ids = new int?[batch.Count];
        await using var lookup = new NpgsqlCommand(SnapshotSql.LookupVideos, connection, transaction);
        lookup.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Record.Metadata.YouTubeId).ToArray() });
        lookup.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.MetadataHash).ToArray() });
        await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(2))
            {
                ids[reader.GetInt64(0) - 1] = reader.GetInt32(1);
            }
        }
        return ids;
    }

    private static async Task TouchLastSeenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Pending> batch, int?[] ids, CancellationToken cancellationToken)
    {
        var lastSeen = new Dictionary<int, (DateTime Seen, DateTime Bucket)>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (ids[i] is { } id && batch[i].Record.OnChart)
            {
                var seen = batch[i].Record.SeenAt.UtcDateTime;
                var bucket = batch[i].Record.Bucket.UtcDateTime;
                lastSeen[id] = lastSeen.TryGetValue(id, out var other) ? (Max(other.Seen, seen), Max(other.Bucket, bucket)) : (seen, bucket);
            }
        }
        if (lastSeen.Count == 0)
        {
            return;
        }
        await using var touch = new NpgsqlCommand(SnapshotSql.TouchLastSeen, connection, transaction);
        touch.Parameters.Add(new NpgsqlParameter { Value = lastSeen.Keys.ToArray() });
        touch.Parameters.Add(new NpgsqlParameter { Value = lastSeen.Values.Select(v => v.Seen).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        touch.Parameters.Add(new NpgsqlParameter { Value = lastSeen.Values.Select(v => v.Bucket).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await touch.ExecuteNonQueryAsync(cancellationToken);

        static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }

    private static async Task MergeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Pending> batch, List<int> rows, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(SnapshotSql.CreateStage, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var importer = await connection.BeginBinaryImportAsync(SnapshotSql.CopyStage, cancellationToken))
        {
            foreach (var i in rows)
            {
                await WriteStageRowAsync(importer, batch[i].Record, batch[i].MetadataHash, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await using var merge = new NpgsqlCommand(SnapshotSql.Merge, connection, transaction);
        await merge.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteStageRowAsync(NpgsqlBinaryImporter importer, SnapshotRecord record, long metadataHash, CancellationToken cancellationToken)
    {
        var video = record.Metadata;
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(video.YouTubeId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(video.Title, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.Description, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(video.ChannelId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(video.ChannelTitle, NpgsqlDbType.Text, cancellationToken);
        // Checked: a value beyond its column throws here and is isolated, instead of being stored wrapped around.
        await WriteNullableAsync(importer, video.CategoryId is { } category ? checked((short?)category) : null, NpgsqlDbType.Smallint, cancellationToken);
        await importer.WriteAsync(video.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.PublishedAt?.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(importer, video.Duration is { } duration ? checked((int?)duration.TotalSeconds) : null, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(importer, video.ThumbnailUrl, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.DefaultAudioLanguage, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(metadataHash, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(record.SeenAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(record.Bucket.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteStatisticsAsync(importer, record.Statistics, cancellationToken);
        await importer.WriteAsync(record.OnChart, NpgsqlDbType.Boolean, cancellationToken);
    }

    private static async Task WriteStatisticsAsync(NpgsqlBinaryImporter importer, VideoStatistics statistics, CancellationToken cancellationToken)
    {
        await WriteNullableAsync(importer, statistics.Views, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(importer, statistics.Likes, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(importer, statistics.Comments, NpgsqlDbType.Bigint, cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    // Debug: one line per batch; the benchmark sums them into the cycle's write rate.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Snapshot batch of {Count} committed in {ElapsedMs:F2} ms ({Copied} by the copy path)")]
    private partial void LogCommitted(int count, int copied, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot batch of {Count} holds a snapshot already stored; writing it by the merge path")]
    private partial void LogMergeFallback(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot batch of {Count} failed on attempt {Attempt}; retrying in {DelayMs:F0} ms: {Reason}")]
    private partial void LogRetry(int count, int attempt, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot batch of {Count} refused ({Reason}); writing it in halves")]
    private partial void LogSplit(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot batch of {Count} failed after {Attempts} attempt(s)")]
    private partial void LogFailed(Exception exception, int count, int attempts);

    /// <param name="Caller">The span the record was written from (a collection tick, a refresh), for the commit's links.</param>
    private sealed record Pending(SnapshotRecord Record, long MetadataHash, TaskCompletionSource Committed, ActivityContext Caller);
}
