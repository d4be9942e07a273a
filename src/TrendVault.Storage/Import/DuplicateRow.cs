namespace TrendVault.Storage.Import;

/// <summary>A row left out because the file already listed its video for that day, on <paramref name="FirstLine"/>.</summary>
public sealed record DuplicateRow(int Line, string YouTubeId, DateTimeOffset Day, int FirstLine);
