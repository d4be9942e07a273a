using Npgsql;
using NpgsqlTypes;

namespace TrendVault.Bench.Storage;

/// <summary>
/// What the product's region grains write for a span of loaded hours: a chart row per region and hour,
/// the per-region summary of the videos on them, and a succeeded run per chart.
/// </summary>
public static class ChartHours
{
    /// <summary>
    /// Copies hours [<paramref name="firstHour"/>, <paramref name="endHour"/>) after <paramref name="start"/>.
    /// <paramref name="rank"/>(hour, region, ranked) fills the database ids of that chart in rank order; it is
    /// called hour by hour, region by region, so a loader may advance its own state as it goes.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<string> regions, DateTimeOffset start,
        int firstHour, int endHour, int chartLength, Action<int, int, int[]> rank)
    {
        var ranked = new int[chartLength];
        await using (var charts = await connection.BeginBinaryImportAsync("COPY trending_charts (region_code, bucket, video_ids) FROM STDIN (FORMAT BINARY)"))
        {
            for (var hour = firstHour; hour < endHour; hour++)
            {
                var bucket = start.AddHours(hour).UtcDateTime;
                for (var region = 0; region < regions.Count; region++)
                {
                    rank(hour, region, ranked);
                    charts.StartRow();
                    charts.Write(regions[region], NpgsqlDbType.Text);
                    charts.Write(bucket, NpgsqlDbType.TimestampTz);
                    charts.Write(ranked, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                }
            }
            await charts.CompleteAsync();
        }
        await ChartRegions.UpsertAsync(connection, start.AddHours(firstHour), start.AddHours(endHour));
        await using var runs = await connection.BeginBinaryImportAsync(
            "COPY collection_runs (region_code, bucket, status, attempts, started_at, finished_at, videos, api_calls) FROM STDIN (FORMAT BINARY)");
        for (var hour = firstHour; hour < endHour; hour++)
        {
            var bucket = start.AddHours(hour).UtcDateTime;
            foreach (var region in regions)
            {
                runs.StartRow();
                runs.Write(region, NpgsqlDbType.Text);
                runs.Write(bucket, NpgsqlDbType.TimestampTz);
                runs.Write("succeeded", NpgsqlDbType.Text);
                runs.Write(1, NpgsqlDbType.Integer);
                runs.Write(bucket.AddSeconds(5), NpgsqlDbType.TimestampTz);
                runs.Write(bucket.AddSeconds(7), NpgsqlDbType.TimestampTz);
                runs.Write(chartLength, NpgsqlDbType.Integer);
                runs.Write(4, NpgsqlDbType.Integer);
            }
        }
        await runs.CompleteAsync();
    }

    /// <summary>A hidden count (likes or comments turned off) is a null.</summary>
    public static void WriteNullable(this NpgsqlBinaryImporter importer, long? value)
    {
        if (value is { } present)
        {
            importer.Write(present, NpgsqlDbType.Bigint);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
