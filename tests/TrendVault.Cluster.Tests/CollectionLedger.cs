using Npgsql;

namespace TrendVault.Cluster.Tests;

/// <summary>Reads what the cluster committed (collection_runs, trending_entries, video_snapshots) and checks it.</summary>
public sealed class CollectionLedger(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan size) =>
        DateTimeOffset.UnixEpoch.AddTicks((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / size.Ticks * size.Ticks);

    /// <summary>Runs of buckets in [from, to], by region and bucket.</summary>
    public async Task<IReadOnlyList<RunRow>> RunsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT region_code, bucket, status, attempts, started_at, finished_at, videos
            FROM collection_runs WHERE bucket BETWEEN $1 AND $2 ORDER BY region_code, bucket
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<RunRow>();
        while (await reader.ReadAsync())
        {
            runs.Add(new RunRow(
                reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6)));
        }
        return runs;
    }

    /// <summary>Every (region, bucket) of the range without a succeeded run, as "US 12:00:10 missing".</summary>
    public async Task<IReadOnlyList<string>> GapsAsync(IEnumerable<string> regions, DateTimeOffset first, DateTimeOffset last, TimeSpan bucketSize)
    {
        var runs = (await RunsAsync(first, last)).ToDictionary(r => (r.Region, r.Bucket));
        var gaps = new List<string>();
        foreach (var region in regions)
        {
            for (var bucket = first; bucket <= last; bucket += bucketSize)
            {
                if (!runs.TryGetValue((region, bucket), out var run))
                {
                    gaps.Add($"{region} {bucket:HH:mm:ss} missing");
                }
                else if (run.Status != "succeeded")
                {
                    gaps.Add(run.ToString());
                }
            }
        }
        return gaps;
    }

    public async Task<bool> AllSucceededAsync(IEnumerable<string> regions, DateTimeOffset bucket, TimeSpan bucketSize) =>
        (await GapsAsync(regions, bucket, bucket, bucketSize)).Count == 0;

    /// <summary>A run of the bucket that is in flight right now, if any.</summary>
    public async Task<RunRow?> RunningAsync(DateTimeOffset bucket) =>
        (await RunsAsync(bucket, bucket)).FirstOrDefault(r => r.Status == "running");

    /// <summary>
    /// What would betray a lost or doubled write in the buckets [from, to]: a succeeded run whose
    /// trending entries are not exactly ranks 1..videos, a trending entry without its snapshot, or a
    /// run marked succeeded with no videos.
    /// </summary>
    public async Task<IReadOnlyList<string>> AnomaliesAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var problems = new List<string>();
        await using (var command = _dataSource.CreateCommand("""
            SELECT r.region_code, r.bucket, r.videos, count(e.rank), coalesce(min(e.rank), 0), coalesce(max(e.rank), 0)
            FROM collection_runs r
            LEFT JOIN trending_entries e ON e.region_code = r.region_code AND e.bucket = r.bucket
            WHERE r.status = 'succeeded' AND r.bucket BETWEEN $1 AND $2
            GROUP BY r.region_code, r.bucket, r.videos
            HAVING r.videos = 0 OR count(e.rank) <> r.videos OR min(e.rank) <> 1 OR max(e.rank) <> r.videos
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                problems.Add($"{reader.GetString(0)} {reader.GetFieldValue<DateTimeOffset>(1):HH:mm:ss}: run says {reader.GetInt32(2)} videos, " +
                    $"{reader.GetInt64(3)} trending entries with ranks {reader.GetInt16(4)}..{reader.GetInt16(5)}");
            }
        }
        await using (var command = _dataSource.CreateCommand("""
            SELECT e.region_code, e.bucket, count(*)
            FROM trending_entries e
            LEFT JOIN video_snapshots s ON s.video_id = e.video_id AND s.bucket = e.bucket
            WHERE e.bucket BETWEEN $1 AND $2 AND s.video_id IS NULL
            GROUP BY e.region_code, e.bucket
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                problems.Add($"{reader.GetString(0)} {reader.GetFieldValue<DateTimeOffset>(1):HH:mm:ss}: {reader.GetInt64(2)} trending entries without a snapshot");
            }
        }
        return problems;
    }

    /// <summary>Snapshot rows of the buckets [from, to], and how many distinct (video, bucket) pairs they hold.</summary>
    public async Task<(long Rows, long Distinct)> SnapshotCountsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*), count(DISTINCT (video_id, bucket)) FROM video_snapshots WHERE bucket BETWEEN $1 AND $2");
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Videos on some chart of the buckets [from, to] (distinct per bucket), i.e. the snapshots the charts alone require.</summary>
    public async Task<long> ChartedVideoBucketsAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(DISTINCT (video_id, bucket)) FROM trending_entries WHERE bucket BETWEEN $1 AND $2");
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Orleans' SiloStatus of each silo port of the cluster, from OrleansMembershipTable (6 = Dead, 3 = Active).</summary>
    public async Task<IReadOnlyDictionary<int, int>> MembershipAsync(string clusterId)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT port, status FROM orleansmembershiptable WHERE deploymentid = $1 ORDER BY generation");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        await using var reader = await command.ExecuteReaderAsync();
        var silos = new Dictionary<int, int>();
        while (await reader.ReadAsync())
        {
            silos[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        return silos;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
