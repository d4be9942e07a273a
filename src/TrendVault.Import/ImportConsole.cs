using Spectre.Console;
using Spectre.Console.Rendering;

namespace TrendVault.Import;

/// <summary>
/// What the import prints: a progress bar per file on a terminal, then a summary of every file, written
/// plainly to <paramref name="output"/> (and errors to <paramref name="errors"/>) so that no line is wrapped
/// to the terminal's width.
/// </summary>
public sealed class ImportConsole(IAnsiConsole console, TextWriter output, TextWriter errors)
{
    private const int SkippedShown = 20;

    public bool Interactive => console.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="import"/> under a progress bar (rows, rows/s, ETA by bytes) on a terminal, plainly elsewhere.</summary>
    public async Task<T> WithProgressAsync<T>(string file, Func<Action<long, long>?, Task<T>> import)
    {
        if (!Interactive)
        {
            output.WriteLine($"Importing {file}...");
            return await import(null);
        }
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var name = Markup.Escape(Path.GetFileName(file));
                var task = context.AddTask(name, maxValue: Math.Max(1, new FileInfo(file).Length));
                var result = await import((bytes, rows) =>
                {
                    task.Value = bytes;
                    task.State.Update<long>(RowsColumn.Key, _ => rows);
                    // Read to the end: the rows are staged, the statements that store them run now.
                    if (bytes >= task.MaxValue)
                    {
                        task.Description = $"{name}: storing";
                    }
                });
                task.Value = task.MaxValue;
                return result;
            });
    }

    public void Error(string message) => errors.WriteLine(message);

    public void Summarize(IReadOnlyList<FileReport> reports)
    {
        foreach (var report in reports)
        {
            var result = report.Result;
            output.WriteLine(
                $"{Path.GetFileName(report.File)} ({report.Layout} layout) into {report.Region}: {result.Rows:N0} rows, {result.Videos:N0} videos, " +
                $"{result.Days:N0} days in {report.Elapsed.TotalSeconds:N1} s ({report.RowsPerSecond:N0} rows/s)");
            output.WriteLine($"  stored: {result.NewSnapshots:N0} new snapshots, {result.NewVideos:N0} new videos, {result.NewCharts:N0} new daily charts");
            if (result.LongerCharts > 0)
            {
                output.WriteLine($"  replaced: {result.LongerCharts:N0} daily charts imported before from a file that listed fewer of their videos");
            }
            if (result.Differing > 0)
            {
                output.WriteLine($"  kept: {result.Differing:N0} rows whose video already had other counts for that day (another file or a collection read them at another time)");
            }
            var skipped = report.AllSkipped;
            if (skipped.Count > 0)
            {
                output.WriteLine($"  skipped {skipped.Count:N0} rows:");
                foreach (var row in skipped.Take(SkippedShown))
                {
                    output.WriteLine($"    line {row.Line}: {row.Reason}");
                }
                if (skipped.Count > SkippedShown)
                {
                    output.WriteLine($"    ... and {skipped.Count - SkippedShown:N0} more");
                }
            }
        }
        var dislikes = reports.Sum(r => r.RowsWithDislikes);
        output.WriteLine(
            $"Imported {reports.Count} file(s): {reports.Sum(r => r.Result.Rows):N0} rows, {reports.Sum(r => r.Result.NewSnapshots):N0} new snapshots, " +
            $"{reports.Sum(r => r.Result.NewVideos):N0} new videos, {reports.Sum(r => r.Result.Days):N0} days, " +
            $"{reports.Select(r => r.Region).Distinct().Count()} region(s), {reports.Sum(r => r.AllSkipped.Count):N0} rows skipped.");
        if (dislikes > 0)
        {
            output.WriteLine($"Dislikes are not stored ({dislikes:N0} rows carried them; the YouTube API no longer reports them).");
        }
        output.WriteLine("Imported charts rank videos in file order (the datasets carry no rank); their runs show as 'imported'.");
    }

    /// <summary>Rows read so far and their rate.</summary>
    private sealed class RowsColumn : ProgressColumn
    {
        public const string Key = "rows";

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var rows = task.State.Get<long>(Key);
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            return new Text(seconds > 0 ? $"{rows:N0} rows {rows / seconds:N0} rows/s" : $"{rows:N0} rows");
        }
    }
}
