using System.Runtime.CompilerServices;
using Npgsql;

namespace TrendVault.Gateway.Queries;

/// <summary>Streams trending entries with their snapshot, row by row, for CSV export.</summary>
public sealed class ExportQueries(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<TrendingExportRow> TrendingAsync(string? region, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.youtube_id, t.bucket, v.title, v.channel_title, v.category_id, v.published_at, v.tags,
                   s.views, s.likes, s.comments, v.thumbnail_url, v.description, t.region_code, t.rank
            FROM trending_entries t
            JOIN videos v ON v.id = t.video_id
            LEFT JOIN LATERAL video_point(t.video_id, t.bucket) s ON true
            WHERE ($1::text IS NULL OR t.region_code = $1)
              AND ($2::timestamptz IS NULL OR t.bucket >= $2) AND ($3::timestamptz IS NULL OR t.bucket <= $3)
            ORDER BY t.bucket, t.region_code, t.rank
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tags = reader.GetFieldValue<string[]>(6);
            var likes = reader.Nullable<long>(8);
            var comments = reader.Nullable<long>(9);
            yield return new TrendingExportRow(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.Nullable<short>(4),
                reader.Nullable<DateTimeOffset>(5),
                // The classic dataset joins quoted tags with '|' and writes [none] when a video has none.
                tags.Length == 0 ? "[none]" : string.Join('|', tags.Select(tag => $"\"{tag}\"")),
                reader.Nullable<long>(7),
                likes,
                Dislikes: null,
                comments,
                reader.NullableString(10),
                CommentsDisabled: comments is null,
                RatingsDisabled: likes is null,
                VideoErrorOrRemoved: false,
                reader.NullableString(11),
                reader.GetString(12),
                reader.GetInt16(13));
        }
    }
}
