using System.Runtime.CompilerServices;
using Npgsql;

namespace TrendVault.Gateway.Queries;

/// <summary>Streams chart entries with their snapshot, row by row, for CSV export: charts in index order, ranks sorted within each.</summary>
public sealed class ExportQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A strong validator of the export's bytes, without reading them. A stored chart never changes and its
    /// entries' snapshots are written before it, so its (region, bucket, length) stands for its rows; the
    /// videos' metadata is summed by its hash over every video charted in the region since
    /// <paramref name="from"/> (a superset of those exported: a change outside the export only costs a
    /// needless full answer). Not covered: an entry stored without a snapshot (a video that had no view
    /// count) whose snapshot of the same bucket another chart stores later; counting the range's snapshots
    /// to cover it would cost 80–250 ms. Measured on the realistic year: 25 ms for a region's month,
    /// 115 ms for its year, 85 ms for a week of every region.
    /// </summary>
    public async Task<string> VersionAsync(string? region, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.charts, c.layout,
                   (SELECT coalesce(bit_xor(hashint8extended(coalesce(v.metadata_hash, 0), v.id)), 0) FROM videos v
                    WHERE v.id IN (SELECT r.video_id FROM video_chart_regions r
                                   WHERE ($1::text IS NULL OR r.region_code = $1) AND r.last_bucket >= $2))
            FROM (SELECT count(*) AS charts,
                         coalesce(bit_xor(hashtextextended(c.region_code || c.bucket::text, cardinality(c.video_ids))), 0) AS layout
                  FROM trending_charts c
                  WHERE ($1::text IS NULL OR c.region_code = $1) AND c.bucket >= $2 AND c.bucket <= $3) c
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return FormattableString.Invariant($"{region ?? "all"}.{reader.GetInt64(0)}.{reader.GetInt64(1):x16}.{reader.GetInt64(2):x16}");
    }

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
