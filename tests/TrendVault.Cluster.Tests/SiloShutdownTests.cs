using TrendVault.Testing;

namespace TrendVault.Cluster.Tests;

/// <summary>
/// Three silo processes collect six regions; one is stopped with SIGTERM (a deployment or scale-in)
/// while it is collecting. A graceful stop hands its reminders and grains over without a missed bucket.
/// </summary>
public sealed class SiloShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_silo_stopped_with_SIGTERM_hands_its_reminders_over_without_a_gap()
    {
        var settings = new ClusterSettings();
        await using var cluster = await ProcessCluster.StartAsync(TestLogs.Folder("silo-shutdown"), _database.ConnectionString, settings);
        await using var ledger = new CollectionLedger(_database.ConnectionString);
        await using var poller = new GatewayPoller(cluster.Api.BaseAddress!, TimeSpan.FromMilliseconds(500), "api/regions/US/trending", "api/regions/US");
        var window = new CollectionWindow(cluster, ledger);
        var report = new FailoverReport(output, cluster);

        var disrupted = await window.WarmUpAsync(TimeSpan.FromSeconds(40));
        var (inFlight, victim) = await window.CatchACollectionInFlightAsync(disrupted);
        var ticksBefore = await cluster.Ticks.TimelineAsync();
        var regionsOnVictim = settings.Regions.Where(r => ticksBefore.SiloOf(r, DateTimeOffset.UtcNow) == victim.Name).ToList();
        var shutdown = await victim.TerminateAsync(TimeSpan.FromSeconds(40));
        var stoppedAt = victim.StoppedAt!.Value;

        await cluster.WaitForActiveSilosAsync(settings.Silos - 1, TimeSpan.FromSeconds(20));
        var leftAfter = DateTimeOffset.UtcNow - stoppedAt;
        await window.WaitForBucketAsync(disrupted);
        var last = await window.WaitForNextBucketAsync();
        await poller.StopAsync();

        var timeline = await cluster.Ticks.TimelineAsync();
        var resumptions = timeline.Around(stoppedAt, settings.Regions, victim.Name);
        var pauses = settings.Regions.ToDictionary(r => r, r => timeline.LongestPause(r, disrupted, last));
        var gaps = await window.GapsInDatabaseAsync(last);
        var gatewayGaps = await window.GapsReportedByGatewayAsync(last);
        var anomalies = await ledger.AnomaliesAsync(window.First, last);
        var madeUp = await window.MadeUpRunsAsync(last);
        var interrupted = (await ledger.RunsAsync(inFlight.Bucket, inFlight.Bucket)).Single(r => r.Region == inFlight.Region);
        var membership = await ledger.MembershipAsync(cluster.ClusterId);

        report.Line($"Window {window.First:HH:mm:ss}..{last:HH:mm:ss}; SIGTERM to {victim.Name} at {stoppedAt:HH:mm:ss.fff}, " +
            $"{(stoppedAt - inFlight.Bucket).TotalSeconds:F1} s into bucket {inFlight.Bucket:HH:mm:ss}, while it collected {inFlight.Region}; " +
            $"it exited with code {victim.ExitCode} after {shutdown.TotalSeconds:F1} s.");
        report.Line($"Regions whose grains were on {victim.Name}: {string.Join(",", regionsOnVictim)}; the run in flight: {interrupted}.");
        report.Line($"/api/status listed {settings.Silos - 1} silos {leftAfter.TotalSeconds:F1} s after the SIGTERM; membership table: " +
            string.Join(", ", cluster.Silos.Select(silo => $"{silo.Name} status {membership.GetValueOrDefault(cluster.SiloPortOf(silo))}")) + ".");
        report.Resumptions(resumptions, victim.Name);
        report.Line("Longest pause between ticks from the disrupted bucket on: " + string.Join(", ", pauses.Select(p => $"{p.Key} {p.Value.TotalSeconds:F1} s")));
        report.Failures("Reminder ticks Orleans could not deliver (silo logs)", stoppedAt, "Could not deliver reminder tick");
        report.Runs("Runs that needed a make-up tick (second attempt or late first attempt)", madeUp);
        report.Failures("Failed collection attempts", window.First, "collection failed", "could not record", "Snapshot batch of");
        report.Gateway(poller);
        report.Line($"Logs: {cluster.LogFolder}");

        Assert.True(victim.ExitCode == 0, $"A SIGTERM should stop the silo gracefully (exit code 0), not {victim.ExitCode}. {report}");
        Assert.True(gaps.Count == 0, $"Buckets without a succeeded collection (database): {string.Join("; ", gaps)}. {report}");
        Assert.True(gatewayGaps.Count == 0, $"Gaps the gateway reports: {string.Join("; ", gatewayGaps)}. {report}");
        Assert.True(anomalies.Count == 0, $"Lost or doubled writes: {string.Join("; ", anomalies)}. {report}");
        Assert.True(interrupted.Status == "succeeded", $"The collection in flight at the SIGTERM must end succeeded in its bucket: {interrupted}. {report}");
        Assert.All(resumptions, r => Assert.True(r.FirstAfter is not null, $"{r.Region} should keep ticking on a remaining silo: {r}. {report}"));
        // "No gap": at most the tick due while the reminder changed hands is skipped, never a bucket's worth.
        var allowed = 2 * settings.TickPeriod + TimeSpan.FromSeconds(1);
        Assert.True(pauses.Values.All(p => p <= allowed),
            $"Reminders should move without a pause longer than {allowed.TotalSeconds:F0} s: {string.Join(", ", pauses.Select(p => $"{p.Key} {p.Value.TotalSeconds:F1} s"))}. {report}");
        var failures = poller.Results.Where(r => !r.Succeeded).ToList();
        Assert.True(failures.All(r => r.Status == 503),
            $"The gateway must answer every request, at worst 503: {string.Join("; ", failures)}. {report}");
        Assert.True(poller.Results.Where(r => r.Path.EndsWith("/trending", StringComparison.Ordinal)).All(r => r.Succeeded),
            $"The trending board reads only the database and must not fail while a silo stops. {report}");
    }
}
