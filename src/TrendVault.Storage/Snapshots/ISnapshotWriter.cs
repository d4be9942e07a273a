namespace TrendVault.Storage.Snapshots;

/// <summary>Durable, idempotent writes of snapshot records; the task completes when the record is committed.</summary>
public interface ISnapshotWriter
{
    Task WriteAsync(SnapshotRecord record, CancellationToken cancellationToken = default);
}
