namespace TrendVault.Storage.Snapshots;

public sealed class SnapshotWriterOptions
{
    /// <summary>Most records per COPY batch.</summary>
    public int MaxBatchSize { get; set; } = 5000;

    /// <summary>How long the first record of a batch waits for others to join it.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Attempts per batch before its callers see the failure (covers a database restart).</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
