namespace TrendVault.Gateway.Limits;

/// <summary>Settings of the CSV export (section Exports).</summary>
public sealed class ExportOptions
{
    /// <summary>Exports streamed at once; each holds a database connection for its whole download.</summary>
    public int MaxConcurrent { get; set; } = 4;
}
