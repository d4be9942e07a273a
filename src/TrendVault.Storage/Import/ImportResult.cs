namespace TrendVault.Storage.Import;

/// <summary>
/// What one file's import stored. <see cref="Rows"/> counts the rows imported: the file's readable rows
/// without <see cref="Duplicates"/>. The New* counts are what was not there before: importing the same file
/// again gives zeros. <see cref="Differing"/> counts rows whose video already had a snapshot for that day
/// with other counts (kept, as stored). <see cref="LongerCharts"/> counts days imported before from a file that
/// listed fewer of their videos, whose charts this file's replaced. <see cref="Duplicates"/> are rows naming a
/// video already listed for the same day.
/// </summary>
public sealed record ImportResult(
    long Rows, int Videos, int Days, int NewVideos, long NewSnapshots, long Differing, int NewCharts, int LongerCharts,
    IReadOnlyList<DuplicateRow> Duplicates);
