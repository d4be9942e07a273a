namespace TrendVault.Import.Csv;

/// <summary>A row the import leaves out, with the file line it starts on and why.</summary>
public sealed record SkippedRow(int Line, string Reason);
