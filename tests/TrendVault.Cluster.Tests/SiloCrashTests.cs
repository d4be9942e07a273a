using TrendVault.Testing;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// Three silo processes collect six regions in 10-second buckets; one is killed with SIGKILL while it
/// is collecting. The cluster must notice, move the dead silo's regions and reminders to the survivors
/// and still collect every bucket, while the gateway keeps answering.
/// </summary>
public sealed class SiloCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_silo_killed_mid_collection_loses_no_bucket_and_its_regions_move_to_the_survivors()
    {
        var settings = new ClusterSettings();
        await using var cluster = await ProcessCluster.StartAsync(TestLogs.Folder("silo-crash"), _database.ConnectionString, settings);
        await using var ledger = new CollectionLedger(_database.ConnectionString);
        await using var poller = new GatewayPoller(cluster.Api.BaseAddress!, TimeSpan.FromMilliseconds(500), "api/regions/US/trending", "api/regions/US");
        var window = new CollectionWindow(cluster, ledger);
        var report = new FailoverReport(output, cluster);

        var disrupted = await window.WarmUpAsync(TimeSpan.FromSeconds(40));
        var (inFlight, victim) = await window.CatchACollectionInFlightAsync(disrupted);
        var ticksBefore = await cluster.Ticks.TimelineAsync();
        var regionsOnVictim = settings.Regions.Where(r => ticksBefore.SiloOf(r, DateTimeOffset.UtcNow) == victim.Name).ToList();
        await victim.KillAsync();
        var killedAt = victim.StoppedAt!.Value;
        var stillRunning = (await ledger.RunsAsync(inFlight.Bucket, inFlight.Bucket)).Single(r => r.Region == inFlight.Region);

        await cluster.WaitForActiveSilosAsync(settings.Silos - 1, TimeSpan.FromSeconds(40));
        var declaredDeadAfter = DateTimeOffset.UtcNow - killedAt;
        await window.WaitForBucketAsync(disrupted);
        var last = await window.WaitForNextBucketAsync();
        await poller.StopAsync();

        var timeline = await cluster.Ticks.TimelineAsync();
        var resumptions = timeline.Around(killedAt, settings.Regions, victim.Name);
        var gaps = await window.GapsInDatabaseAsync(last);
        var gatewayGaps = await window.GapsReportedByGatewayAsync(last);
        var anomalies = await ledger.AnomaliesAsync(window.First, last);
        var madeUp = await window.MadeUpRunsAsync(last);
        var activeSilos = await cluster.ActiveSilosAsync();
        var interrupted = (await ledger.RunsAsync(inFlight.Bucket, inFlight.Bucket)).Single(r => r.Region == inFlight.Region);
        var membership = await ledger.MembershipAsync(cluster.ClusterId);

        report.Line($"Window {window.First:HH:mm:ss}..{last:HH:mm:ss}; killed {victim.Name} (pid {victim.Id}) at {killedAt:HH:mm:ss.fff}, " +
            $"{(killedAt - inFlight.Bucket).TotalSeconds:F1} s into bucket {inFlight.Bucket:HH:mm:ss}, while it collected {inFlight.Region}.");
        report.Line($"Regions whose grains were on {victim.Name}: {string.Join(",", regionsOnVictim)}; the interrupted run right after the kill: {stillRunning}; finally: {interrupted}.");
        report.Line($"/api/status listed {activeSilos.Count} silos {declaredDeadAfter.TotalSeconds:F1} s after the kill.");
        report.Line($"Membership table: {string.Join(", ", cluster.Silos.Select(silo => $"{silo.Name} status {membership.GetValueOrDefault(cluster.SiloPortOf(silo))}"))} (3 = Active, 6 = Dead).");
        report.Resumptions(resumptions, victim.Name);
        report.Failures("Reminder ticks Orleans could not deliver (silo logs)", killedAt, "Could not deliver reminder tick");
        report.Runs("Runs that needed a make-up tick (second attempt or late first attempt)", madeUp);
        report.Failures("Failed collection attempts", window.First, "collection failed", "could not record", "Snapshot batch of");
        report.Gateway(poller);
        report.Line($"Logs: {cluster.LogFolder}");

        Assert.True(stillRunning.Status == "running",
            $"The kill was meant to interrupt a collection, but {inFlight.Region}'s run had already finished: {stillRunning}. {report}");
        Assert.True(gaps.Count == 0, $"Buckets without a succeeded collection (database): {string.Join("; ", gaps)}. {report}");
        Assert.True(gatewayGaps.Count == 0, $"Gaps the gateway reports: {string.Join("; ", gatewayGaps)}. {report}");
        Assert.True(anomalies.Count == 0, $"Lost or doubled writes: {string.Join("; ", anomalies)}. {report}");
        Assert.True(interrupted.Status == "succeeded" && interrupted.Attempts >= 2,
            $"The interrupted run should have been made up within its bucket by a second attempt: {interrupted}. {report}");
        Assert.Equal(settings.Silos - 1, activeSilos.Count);
        Assert.True(membership.GetValueOrDefault(cluster.SiloPortOf(victim)) == 6, $"The membership table should hold the killed silo as Dead (6). {report}");
        Assert.All(resumptions, r => Assert.True(r.FirstAfter is not null,
            $"{r.Region} should tick again on a surviving silo after the kill: {r}. {report}"));
        Assert.All(regionsOnVictim, region => Assert.True(
            timeline.Ticks.Any(t => t.Region == region && t.At > killedAt && t.Silo != victim.Name),
            $"{region} did not move from {victim.Name} to a survivor. {report}"));
        var failures = poller.Results.Where(r => !r.Succeeded).ToList();
        Assert.True(failures.All(r => r.Status == 503),
            $"The gateway must answer every request, at worst 503 while the cluster recovers: {string.Join("; ", failures)}. {report}");
        Assert.True(poller.Results.Where(r => r.Path.EndsWith("/trending", StringComparison.Ordinal)).All(r => r.Succeeded),
            $"The trending board reads only the database and must not fail during a silo failover. {report}");
    }
}
