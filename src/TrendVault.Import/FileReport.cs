using TrendVault.Import.Csv;
using TrendVault.Storage.Import;

namespace TrendVault.Import;

/// <summary>One file's import: what was stored, what was skipped, and how long it took.</summary>
public sealed record FileReport(
    string File, string Region, TrendingCsvLayout Layout, ImportResult Result, IReadOnlyList<SkippedRow> Skipped, long RowsWithDislikes, TimeSpan Elapsed)
{
    /// <summary>Every row left out: unreadable ones and repeated (video, day) rows, in line order.</summary>
    public IReadOnlyList<SkippedRow> AllSkipped =>
        Skipped.Concat(Result.Duplicates.Select(d => new SkippedRow(d.Line, $"video {d.YouTubeId} already listed for {d.Day:yyyy-MM-dd} on line {d.FirstLine}")))
            .OrderBy(s => s.Line).ToList();

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Result.Rows / Elapsed.TotalSeconds : 0;
}
