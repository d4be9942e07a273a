namespace TrendVault.Storage.Spool;

/// <summary>
/// A held chart taken for replay: its file stays locked until disposed, so no other silo replays it
/// meanwhile. <see cref="Complete"/> removes it once the database has it.
/// </summary>
public sealed class HeldChartLease : IDisposable
{
    private readonly ChartSpool _spool;
    private readonly FileStream _stream;

    internal HeldChartLease(ChartSpool spool, string file, FileStream stream)
    {
        _spool = spool;
        File = file;
        _stream = stream;
    }

    public string File { get; }

    /// <summary>The chart; null when the file cannot be read (it is then moved aside and counted as dropped).</summary>
    public Task<HeldChart?> ReadAsync(CancellationToken cancellationToken = default) => _spool.ReadAsync(File, _stream, cancellationToken);

    /// <summary>The chart is in the database: the file goes.</summary>
    public void Complete(HeldChart chart) => _spool.Replayed(File, chart);

    public void Dispose() => _stream.Dispose();
}
