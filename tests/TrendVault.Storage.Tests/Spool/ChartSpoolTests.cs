using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendVault.Model;
using TrendVault.Storage.Spool;
using TrendVault.Testing;

namespace TrendVault.Storage.Tests.Spool;

public sealed class ChartSpoolTests : IDisposable
{
    private static readonly DateTimeOffset Bucket = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tv-spool-{Guid.NewGuid():N}");
    private readonly TestMeters _meters = new();

    [Fact]
    public async Task A_held_chart_is_read_back_whole_by_a_spool_started_later_on_the_same_folder()
    {
        var chart = Chart("US", Bucket, videos: 3);
        Assert.True(await Spool().HoldAsync(chart));

        var restarted = Spool();
        var file = Assert.Single(restarted.Held());
        using var lease = restarted.TryTake(file);
        var read = await lease!.ReadAsync();

        Assert.Equal((chart.Region, chart.Bucket, chart.FetchedAt, chart.ApiCalls), (read!.Region, read.Bucket, read.FetchedAt, read.ApiCalls));
        Assert.Equal(chart.Entries.Select(Describe), read.Entries.Select(Describe));
    }

    [Fact]
    public async Task Spools_sharing_a_folder_have_one_identity_and_another_folder_has_its_own()
    {
        var first = Spool();
        await first.HoldAsync(Chart("US", Bucket));
        var other = new ChartSpool(Options.Create(new SpoolOptions { Path = _folder + "-other" }), _meters, NullLogger<ChartSpool>.Instance);

        Assert.Equal(first.Identity, Spool().Identity);
        Assert.NotEqual(first.Identity, other.Identity);
        Assert.Equal((1, first.HeldBytes()), first.Contents());
        Directory.Delete(_folder + "-other", recursive: true);
    }

    [Fact]
    public void An_empty_identity_file_left_by_a_crash_is_replaced()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, ".spool-id"), "");

        var identity = Spool().Identity;

        Assert.Matches("^[0-9a-f]{32}$", identity);
        Assert.Equal(identity, Spool().Identity);
    }

    [Fact]
    public async Task Held_charts_are_listed_oldest_bucket_first()
    {
        var spool = Spool();
        await spool.HoldAsync(Chart("US", Bucket.AddHours(2)));
        await spool.HoldAsync(Chart("GB", Bucket));
        await spool.HoldAsync(Chart("DE", Bucket.AddHours(1)));

        Assert.Equal(["20261128T100000Z.GB", "20261128T110000Z.DE", "20261128T120000Z.US"],
            spool.Held().Select(file => string.Join('.', Path.GetFileName(file).Split('.')[..2])));
    }

    [Fact]
    public async Task The_same_bucket_held_again_replaces_the_earlier_chart()
    {
        var spool = Spool();
        await spool.HoldAsync(Chart("US", Bucket, videos: 2));
        await spool.HoldAsync(Chart("US", Bucket, videos: 5));

        using var lease = spool.TryTake(Assert.Single(spool.Held()));
        Assert.Equal(5, (await lease!.ReadAsync())!.Entries.Count);
    }

    [Fact]
    public async Task A_chart_that_would_take_the_spool_past_its_limit_is_dropped_and_counted_with_its_snapshots()
    {
        var first = Chart("US", Bucket, videos: 50);
        var probe = Spool();
        await probe.HoldAsync(first);
        var oneChart = probe.HeldBytes();
        var spool = Spool(maxBytes: oneChart + oneChart / 2);

        var held = await spool.HoldAsync(Chart("GB", Bucket, videos: 50));

        Assert.False(held);
        Assert.Single(spool.Held());
        Assert.Equal(1, _meters.Sum("trendvault.spool.dropped", "reason", "full"));
        Assert.Equal(50, _meters.Sum("trendvault.spool.dropped_snapshots", "reason", "full"));
    }

    [Fact]
    public async Task A_chart_taken_for_replay_cannot_be_taken_again_until_its_lease_ends()
    {
        var spool = Spool();
        await spool.HoldAsync(Chart("US", Bucket));
        var file = Assert.Single(spool.Held());

        using (var lease = spool.TryTake(file))
        {
            Assert.NotNull(lease);
            Assert.Null(Spool().TryTake(file));
        }
        using var later = Spool().TryTake(file);
        Assert.NotNull(later);
    }

    [Fact]
    public async Task A_replayed_chart_leaves_the_spool_and_is_counted()
    {
        var spool = Spool();
        await spool.HoldAsync(Chart("US", Bucket));
        using (var lease = spool.TryTake(Assert.Single(spool.Held())))
        {
            lease!.Complete((await lease.ReadAsync())!);
        }

        Assert.Empty(spool.Held());
        Assert.Equal(0, spool.HeldBytes());
        Assert.Equal(1, _meters.Sum("trendvault.spool.replayed"));
    }

    [Fact]
    public async Task An_unreadable_file_is_moved_aside_and_counted_as_dropped()
    {
        var spool = Spool();
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "20261128T100000Z.US.chart.json.gz");
        await File.WriteAllTextAsync(file, "not gzip");

        using (var lease = spool.TryTake(file))
        {
            Assert.Null(await lease!.ReadAsync());
        }

        Assert.Empty(spool.Held());
        Assert.True(File.Exists(file + ".unreadable"));
        Assert.Equal(1, _meters.Sum("trendvault.spool.dropped", "reason", "unreadable"));
    }

    private ChartSpool Spool(long maxBytes = 1L << 30) =>
        new(Options.Create(new SpoolOptions { Path = _folder, MaxBytes = maxBytes }), _meters, NullLogger<ChartSpool>.Instance);

    private static HeldChart Chart(string region, DateTimeOffset bucket, int videos = 3) => new(region, bucket, bucket.AddMinutes(1), 1,
        Enumerable.Range(1, videos).Select(rank => new HeldEntry(rank, new VideoObservation(
            new VideoMetadata($"{region}video{rank:D4}", $"Title {rank} ✓", "UCchannel", "Channel", 10, bucket.AddDays(-1), TimeSpan.FromMinutes(3),
                ["tag one", "tag two"], "A description\nwith two lines", "https://i.ytimg.com/vi/x/mqdefault.jpg", "en"),
            new VideoStatistics(5_000_000_000L + rank, rank % 2 == 0 ? null : 10, 3)))).ToList());

    private static string Describe(HeldEntry entry)
    {
        var (metadata, statistics) = (entry.Video.Metadata, entry.Video.Statistics);
        return $"{entry.Rank} {metadata with { Tags = [] }} [{string.Join('|', metadata.Tags)}] {statistics}";
    }

    public void Dispose()
    {
        _meters.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
