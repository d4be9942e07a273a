using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace TrendVault.Storage.Snapshots;

/// <summary>
/// Per-process batcher in the manner of GPSTracker's PushNotifierGrain: video grains hand in
/// records, one loop writes them with a single binary COPY per batch and completes each caller's
/// task once its batch has committed. Conflicts on (video, bucket) are ignored, so a batch retried
/// after a database restart, or a bucket collected twice, adds nothing.
/// </summary>
public sealed partial class SnapshotWriter(
    NpgsqlDataSource dataSource,
    IOptions<SnapshotWriterOptions> options,
    ILogger<SnapshotWriter> logger) : BackgroundService, ISnapshotWriter
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(SnapshotRecord record, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The snapshot writer is stopped.");
        }
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                await Task.Delay(delay, cancellationToken);
            }
            catch (PostgresException exception) when (!exception.IsTransient && batch.Count > 1)
            {
                // A record the database refuses must not fail its neighbours: halve until it stands alone.
                LogSplit(batch.Count, exception.SqlState);
                var half = batch.Count / 2;
                await WriteWithRetryAsync(batch[..half], settings, cancellationToken);
                await WriteWithRetryAsync(batch[half..], settings, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception, batch.Count, attempt);
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var create = new NpgsqlCommand(SnapshotSql.CreateStage, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(SnapshotSql.CopyStage, cancellationToken))
        {
            foreach (var pending in batch)
            {
                await WriteRowAsync(importer, pending.Record, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }

        await using (var merge = new NpgsqlCommand(SnapshotSql.Merge, connection, transaction))
        {
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, SnapshotRecord record, CancellationToken cancellationToken)
    {
        var video = record.Metadata;
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(video.YouTubeId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(video.Title, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.Description, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(video.ChannelId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(video.ChannelTitle, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.CategoryId is { } category ? (short?)category : null, NpgsqlDbType.Smallint, cancellationToken);
        await importer.WriteAsync(video.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.PublishedAt?.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(importer, video.Duration is { } duration ? (int?)duration.TotalSeconds : null, NpgsqlDbType.Integer, cancellationToken);
        await WriteNullableAsync(importer, video.ThumbnailUrl, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, video.DefaultAudioLanguage, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(record.SeenAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(record.Bucket.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(record.Statistics.Views, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(importer, record.Statistics.Likes, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(importer, record.Statistics.Comments, NpgsqlDbType.Bigint, cancellationToken);
        await importer.WriteAsync(record.OnChart, NpgsqlDbType.Boolean, cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot batch of {Count} failed on attempt {Attempt}; retrying in {DelayMs:F0} ms: {Reason}")]
    private partial void LogRetry(int count, int attempt, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot batch of {Count} refused by the database ({SqlState}); writing it in halves")]
    private partial void LogSplit(int count, string sqlState);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot batch of {Count} failed after {Attempts} attempt(s)")]
    private partial void LogFailed(Exception exception, int count, int attempts);

    private sealed record Pending(SnapshotRecord Record, TaskCompletionSource Committed);
}
