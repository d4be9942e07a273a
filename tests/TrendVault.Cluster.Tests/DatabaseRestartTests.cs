namespace TrendVault.Cluster.Tests;

/// <summary>
/// The cluster's PostgreSQL server is stopped (pg_ctl stop -m fast: every session is killed) while a
/// collection is writing, and started again. The silos must survive and every bucket must still be
/// collected, within itself, with no snapshot lost or doubled.
/// </summary>
public sealed class DatabaseRestartTests(DatabaseRestartFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseRestartFixture>
{
    // The snapshot writer retries a batch 6 times, 200 ms × 2^n apart: 6.2 s from the first failure to the last attempt.
    private static readonly TimeSpan WriterRetryBudget = TimeSpan.FromSeconds(6.2);

    private ProcessCluster Cluster => fixture.Cluster;

    private TimeSpan BucketSize => DatabaseRestartFixture.Settings.BucketSize;

    [Fact]
    public async Task A_short_restart_mid_collection_is_ridden_out_by_retries_and_loses_no_snapshot()
    {
        var outcome = await RestartMidCollectionAsync(TimeSpan.FromSeconds(3));

        outcome.AssertNothingLost();
        Assert.True(outcome.WriterGaveUp == 0,
            $"An outage shorter than the writer's {WriterRetryBudget.TotalSeconds} s of retries should not exhaust them: {outcome.WriterGaveUp} batch(es) given up (trendvault_writer_failed_total). {outcome.Report}");
    }

    [Fact]
    public async Task A_restart_longer_than_the_writers_retries_fails_the_attempt_and_the_run_is_retried_within_the_bucket()
    {
        var outcome = await RestartMidCollectionAsync(WriterRetryBudget + TimeSpan.FromSeconds(1));

        outcome.AssertNothingLost();
        Assert.True(outcome.InFlight.Attempts >= 2,
            $"The attempt caught by the outage cannot have succeeded; a later tick of the same bucket should have made it up: {outcome.InFlight}. {outcome.Report}");
    }

    private async Task<RestartOutcome> RestartMidCollectionAsync(TimeSpan outage)
    {
        var ledger = fixture.Ledger;
        await using var poller = new GatewayPoller(Cluster.Api.BaseAddress!, TimeSpan.FromMilliseconds(500), "api/regions/US/trending", "api/regions/US");
        var window = new CollectionWindow(Cluster, ledger);
        var report = new FailoverReport(output, Cluster);

        var disrupted = await window.WarmUpAsync(TimeSpan.FromSeconds(40));
        var before = await GiveUpsAsync();
        var (inFlight, silo) = await window.CatchACollectionInFlightAsync(disrupted);
        var stopping = await fixture.Server.StopAsync();
        var downAt = DateTimeOffset.UtcNow;
        await Task.Delay(outage); // the outage itself, not a wait for a condition
        var starting = await fixture.Server.StartAgainAsync();
        var upAt = DateTimeOffset.UtcNow;

        await window.WaitForBucketAsync(disrupted);
        var last = await window.WaitForNextBucketAsync();
        await poller.StopAsync();
        var after = await GiveUpsAsync();

        var exited = Cluster.Silos.Concat([Cluster.Gateway, Cluster.FakeYouTube]).Where(p => p.HasExited).ToList();
        var gaps = await window.GapsInDatabaseAsync(last);
        var gatewayGaps = await window.GapsReportedByGatewayAsync(last);
        var anomalies = await ledger.AnomaliesAsync(window.First, last);
        var (snapshotRows, distinctSnapshots) = await ledger.SnapshotCountsAsync(window.First, last);
        var charted = await ledger.ChartedVideoBucketsAsync(window.First, last);
        var disruptedRuns = await ledger.RunsAsync(disrupted, disrupted);

        report.Line($"Window {window.First:HH:mm:ss}..{last:HH:mm:ss}; PostgreSQL stopped at {downAt:HH:mm:ss.fff} (pg_ctl stop -m fast took {stopping.TotalSeconds:F1} s), " +
            $"{(downAt - inFlight.Bucket).TotalSeconds:F1} s into bucket {inFlight.Bucket:HH:mm:ss}, while {silo.Name} collected {inFlight.Region}; " +
            $"started again at {upAt:HH:mm:ss.fff} (took {starting.TotalSeconds:F1} s): down {(upAt - downAt + stopping).TotalSeconds:F1} s in all.");
        report.Runs("Runs of the disrupted bucket", disruptedRuns);
        report.Line($"Batches the writer gave up on: {after.Batches - before.Batches}; attempts abandoned at their timeout: {after.Attempts - before.Attempts} (silos' meters).");
        report.Failures("Snapshot writer retries (silo logs)", window.First, "Snapshot batch of");
        report.Failures("Failed collection attempts (silo logs)", window.First, "collection failed", "could not record");
        report.Failures("Reminder ticks Orleans could not deliver", window.First, "Could not deliver reminder tick");
        report.Line($"Snapshots in the window: {snapshotRows} rows, {distinctSnapshots} distinct (video, bucket), {charted} charted (video, bucket) pairs.");
        report.Gateway(poller);
        report.Line($"Logs: {Cluster.LogFolder} (postgres.log is the server's)");

        return new RestartOutcome(report, exited, gaps, gatewayGaps, anomalies, snapshotRows, distinctSnapshots,
            disruptedRuns, disruptedRuns.Single(r => r.Region == inFlight.Region), after.Batches - before.Batches, after.Attempts - before.Attempts,
            poller.Results, BucketSize);
    }

    /// <summary>Batches the silos' writers gave up on and collection attempts abandoned at their timeout, so far (the cluster serves both tests).</summary>
    private async Task<(double Batches, double Attempts)> GiveUpsAsync()
    {
        var silos = await Cluster.ScrapeSilosAsync();
        return (silos.Sum(s => s.Sum("trendvault_writer_failed_total")), silos.Sum(s => s.Sum("trendvault_collection_timeouts_total")));
    }

    private sealed record RestartOutcome(
        FailoverReport Report,
        IReadOnlyList<ManagedProcess> Exited,
        IReadOnlyList<string> Gaps,
        IReadOnlyList<string> GatewayGaps,
        IReadOnlyList<string> Anomalies,
        long SnapshotRows,
        long DistinctSnapshots,
        IReadOnlyList<RunRow> DisruptedRuns,
        RunRow InFlight,
        double WriterGaveUp,
        double TimedOutAttempts,
        IReadOnlyList<PollResult> Polls,
        TimeSpan BucketSize)
    {
        public void AssertNothingLost()
        {
            Assert.True(Exited.Count == 0, $"Every process must survive the database restart; exited: {string.Join(", ", Exited.Select(p => $"{p.Name} ({p.ExitCode})"))}. {Report}");
            Assert.True(Gaps.Count == 0, $"Buckets without a succeeded collection (database): {string.Join("; ", Gaps)}. {Report}");
            Assert.True(GatewayGaps.Count == 0, $"Gaps the gateway reports: {string.Join("; ", GatewayGaps)}. {Report}");
            Assert.True(Anomalies.Count == 0, $"Lost or doubled writes: {string.Join("; ", Anomalies)}. {Report}");
            Assert.True(SnapshotRows == DistinctSnapshots, $"Doubled snapshots: {SnapshotRows} rows for {DistinctSnapshots} (video, bucket) pairs. {Report}");
            // A failed write must fail its attempt at once (so a later tick can retry), not leave it waiting for the attempt timeout.
            Assert.True(TimedOutAttempts == 0, $"{TimedOutAttempts} attempt(s) hung until their timeout instead of failing (trendvault_collection_timeouts_total). {Report}");
            Assert.True(DisruptedRuns.All(r => r.Status == "succeeded" && r.FinishedAt < r.Bucket + BucketSize),
                $"Every run of the disrupted bucket must succeed within that bucket: {string.Join("; ", DisruptedRuns)}. {Report}");
            var failures = Polls.Where(r => !r.Succeeded).ToList();
            Assert.True(failures.All(r => r.Status == 503),
                $"While the database is down the gateway must answer 503, nothing worse: {string.Join("; ", failures)}. {Report}");
        }
    }
}
