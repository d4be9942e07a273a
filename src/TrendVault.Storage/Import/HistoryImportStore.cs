using Npgsql;
using NpgsqlTypes;
using TrendVault.Storage.Snapshots;

namespace TrendVault.Storage.Import;

/// <summary>
/// Stores a public trending dataset's rows as history, a whole file in one transaction. The rows and each
/// video's newest metadata are staged by binary COPY; then each row becomes its video's snapshot in the day's
/// bucket, videos not yet known join the catalog with the file's metadata, and the rows of each day form that
/// day's chart in file order, its run marked 'imported'. What is stored wins: a collected day (a video's
/// snapshots in it, a region's charts in it), a known video, an earlier import; only an imported day's chart
/// gives way, to a file that lists more of that day. So importing a file twice adds nothing, and where two
/// countries' files list a video on the same day with counts read at different times, the first imported
/// stays and the other is counted in <see cref="ImportResult.Differing"/>.
/// </summary>
public sealed class HistoryImportStore(NpgsqlDataSource dataSource)
{
    public async Task<ImportResult> ImportAsync(
        string region, string regionName, IEnumerable<ImportedRow> rows, DateTimeOffset importedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, ImportSql.CreateStage, cancellationToken);
        var (staged, videos) = await StageRowsAsync(connection, rows, cancellationToken);
        await StageVideosAsync(connection, videos.Values, cancellationToken);
        await ExecuteAsync(connection, "ANALYZE import_stage; ANALYZE import_videos", cancellationToken);

        await using var regionCommand = new NpgsqlCommand(
            "INSERT INTO regions (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING", connection);
        regionCommand.Parameters.Add(new NpgsqlParameter { Value = region });
        regionCommand.Parameters.Add(new NpgsqlParameter { Value = regionName });
        await regionCommand.ExecuteNonQueryAsync(cancellationToken);

        var duplicates = await DuplicatesAsync(connection, cancellationToken);
        var days = await DaysAsync(connection, cancellationToken);
        var newVideos = await ExecuteAsync(connection, ImportSql.InsertVideos, cancellationToken);
        await ExecuteAsync(connection, ImportSql.ResolveIds, cancellationToken);
        await ExecuteAsync(connection, ImportSql.MoveFirstSeen, cancellationToken);
        await ExecuteAsync(connection, ImportSql.StagePoints, cancellationToken);
        await ExecuteAsync(connection, ImportSql.UpsertSightings, cancellationToken);
        await using var differing = new NpgsqlCommand(ImportSql.CountDiffering, connection);
        var differingRows = (long)(await differing.ExecuteScalarAsync(cancellationToken))!;
        var newSnapshots = await ExecuteAsync(connection, ImportSql.InsertSnapshots, cancellationToken);

        await using var charts = new NpgsqlCommand(ImportSql.InsertCharts, connection);
        charts.Parameters.Add(new NpgsqlParameter { Value = region });
        charts.Parameters.Add(new NpgsqlParameter { Value = importedAt.UtcDateTime });
        var (newCharts, longerCharts) = await ChartCountsAsync(charts, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(staged - duplicates.Count, videos.Count, days, newVideos, newSnapshots, differingRows, newCharts, longerCharts, duplicates);
    }

    private static async Task<(int New, int Longer)> ChartCountsAsync(NpgsqlCommand charts, CancellationToken cancellationToken)
    {
        await using var reader = await charts.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>
    /// Stages each row's counts, and keeps each video's newest row (latest day, then last line) for its metadata:
    /// a video's description is staged once, not once a day (most of a 2020 file's bytes are descriptions).
    /// </summary>
    private static async Task<(long Staged, Dictionary<string, ImportedRow> Videos)> StageRowsAsync(
        NpgsqlConnection connection, IEnumerable<ImportedRow> rows, CancellationToken cancellationToken)
    {
        var videos = new Dictionary<string, ImportedRow>(StringComparer.Ordinal);
        await using var importer = await connection.BeginBinaryImportAsync(ImportSql.CopyStage, cancellationToken);
        long staged = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Video.YouTubeId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Bucket.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, row.Statistics.Views, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, row.Statistics.Likes, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, row.Statistics.Comments, NpgsqlDbType.Bigint, cancellationToken);
            if (!videos.TryGetValue(row.Video.YouTubeId, out var newest) || newest.Bucket <= row.Bucket)
            {
                videos[row.Video.YouTubeId] = row;
            }
            staged++;
        }
        await importer.CompleteAsync(cancellationToken);
        return (staged, videos);
    }

    private static async Task StageVideosAsync(NpgsqlConnection connection, IEnumerable<ImportedRow> newest, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(ImportSql.CopyVideos, cancellationToken);
        foreach (var video in newest.Select(row => row.Video))
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(video.YouTubeId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(video.Title, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, video.Description, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(video.ChannelId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(video.ChannelTitle, NpgsqlDbType.Text, cancellationToken);
            // A category beyond smallint is no real category id: stored as unknown.
            await WriteNullableAsync(importer, video.CategoryId is >= short.MinValue and <= short.MaxValue ? (short?)video.CategoryId : null, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(video.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, video.PublishedAt?.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, video.ThumbnailUrl, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(MetadataHash.Of(video), NpgsqlDbType.Bigint, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static async Task<IReadOnlyList<DuplicateRow>> DuplicatesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ImportSql.Duplicates, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var duplicates = new List<DuplicateRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            duplicates.Add(new DuplicateRow(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3)));
        }
        return duplicates;
    }

    private static async Task<int> DaysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT bucket) FROM import_stage", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
