using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;

namespace TrendVault.Storage.Snapshots;

/// <summary>Per process: what the snapshot writer committed, how big and slow its batches were, and why some were retried or failed.</summary>
public sealed class SnapshotWriterMetrics
{
    private readonly Counter<long> _written;
    private readonly Histogram<long> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _splits;

    public SnapshotWriterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _written = meter.CreateCounter<long>("trendvault.snapshots.written", "{snapshot}",
            "Snapshot records committed by the writer, by path: copy (binary COPY of a known video with unchanged metadata) or merge");
        _batchSize = meter.CreateHistogram<long>("trendvault.writer.batch.size", "{snapshot}", "Records in each committed batch",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000] });
        _batchDuration = meter.CreateHistogram<double>("trendvault.writer.batch.duration", "s", "Time to write and commit one batch");
        _retries = meter.CreateCounter<long>("trendvault.writer.retries", "{retry}", "Batches retried after a transient error, by reason");
        _failed = meter.CreateCounter<long>("trendvault.writer.failed", "{batch}", "Batches given up on, by reason");
        _splits = meter.CreateCounter<long>("trendvault.writer.splits", "{batch}", "Batches refused as a whole and written in halves, by reason");
    }

    public void Committed(int count, int copied, TimeSpan elapsed)
    {
        _written.Add(copied, new TagList { { "path", "copy" } });
        _written.Add(count - copied, new TagList { { "path", "merge" } });
        _batchSize.Record(count);
        _batchDuration.Record(elapsed.TotalSeconds);
    }

    public void Retried(Exception exception) => _retries.Add(1, new TagList { { "reason", Reason(exception) } });

    public void Failed(Exception exception) => _failed.Add(1, new TagList { { "reason", Reason(exception) } });

    public void Split(Exception exception) => _splits.Add(1, new TagList { { "reason", Reason(exception) } });

    /// <summary>A bounded label: the SQLSTATE the server sent, else the kind of failure.</summary>
    public static string Reason(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState,
        TimeoutException => "timeout",
        NpgsqlException => "connection",
        OverflowException => "overflow",
        _ => "other",
    };
}
