using System.Runtime.CompilerServices;
using Npgsql;

namespace TrendVault.Gateway.Queries;

/// <summary>Streams chart entries with their snapshot, row by row, for CSV export: charts in index order, ranks sorted within each.</summary>
public sealed class ExportQueries(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<TrendingExportRow> TrendingAsync(string? region, DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.youtube_id, c.bucket, v.title, v.channel_title, v.category_id, v.published_at, v.tags,
                   s.views, s.likes, s.comments, v.thumbnail_url, v.description, c.region_code, u.rank::smallint
            FROM trending_charts c
            CROSS JOIN LATERAL unnest(c.video_ids) WITH ORDINALITY AS u(video_id, rank)
            JOIN videos v ON v.id = u.video_id
            LEFT JOIN LATERAL video_point(u.video_id, c.bucket) s ON true
            WHERE ($1::text IS NULL OR c.region_code = $1)
              AND ($2::timestamptz IS NULL OR c.bucket >= $2) AND ($3::timestamptz IS NULL OR c.bucket <= $3)
            ORDER BY c.bucket, c.region_code, u.rank
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
