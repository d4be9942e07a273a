using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrendVault.Storage.Spool;

/// <summary>
/// A silo's folder of held charts: one gzip'd JSON file per (bucket, region), written to a temporary
/// name, flushed to disk and renamed, so a file that exists is whole and survives a silo restart. File
/// names sort by bucket, so replay goes oldest first. Holding is bounded by <see cref="SpoolOptions.MaxBytes"/>.
/// </summary>
public sealed partial class ChartSpool
{
    private const string Extension = ".chart.json.gz";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly long _maxBytes;
    private readonly Lazy<string> _identity;
    private readonly ILogger<ChartSpool> _logger;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _droppedSnapshots;
    private readonly Counter<long> _replayed;

    public ChartSpool(IOptions<SpoolOptions> options, IMeterFactory meters, ILogger<ChartSpool> logger)
    {
        Folder = System.IO.Path.GetFullPath(options.Value.Path);
        _identity = new Lazy<string>(ReadOrCreateIdentity, LazyThreadSafetyMode.PublicationOnly);
        _maxBytes = options.Value.MaxBytes;
        _logger = logger;
        var meter = meters.Create(TrendVaultTelemetry.MeterName);
        _dropped = meter.CreateCounter<long>("trendvault.spool.dropped", "{chart}", "Fetched charts lost because the spool was full or a held file could not be read");
        _droppedSnapshots = meter.CreateCounter<long>("trendvault.spool.dropped_snapshots", "{snapshot}", "Video snapshots in the dropped charts");
        _replayed = meter.CreateCounter<long>("trendvault.spool.replayed", "{chart}", "Held charts written to the database after it came back");
        meter.CreateObservableGauge("trendvault.spool.held", () => Held().Count, "{chart}", "Charts held until the database takes them");
        meter.CreateObservableGauge("trendvault.spool.bytes", HeldBytes, "By", "Bytes of held charts on this silo's disk");
    }

    /// <summary>The spool's absolute folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// Writes <paramref name="chart"/> durably. Returns false, having logged and counted exactly what was
    /// lost, when holding it would take the spool past its size limit.
    /// </summary>
    public async Task<bool> HoldAsync(HeldChart chart, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var target = System.IO.Path.Combine(Folder, FileName(chart));
        var temporary = System.IO.Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            long size;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                {
                    await JsonSerializer.SerializeAsync(gzip, chart, Json, cancellationToken);
                }
                file.Flush(flushToDisk: true);
                size = file.Length;
            }
            // A chart of the same bucket held before (fetched again after a restart) is replaced, not added.
            var replaced = File.Exists(target) ? new FileInfo(target).Length : 0;
            var held = HeldBytes();
            if (held - replaced + size > _maxBytes)
            {
                Drop(chart, "full", $"holding {size} more bytes would exceed the spool's {_maxBytes} ({held} held)");
                return false;
            }
            File.Move(temporary, target, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The held charts' files, oldest bucket first.</summary>
    public IReadOnlyList<string> Held() => Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*" + Extension).Order(StringComparer.Ordinal).ToList()
        : [];

    public long HeldBytes() => Contents().Bytes;

    /// <summary>The held charts and their bytes, from one listing of the folder.</summary>
    public (int Charts, long Bytes) Contents()
    {
        var held = Held();
        return (held.Count, held.Sum(file => new FileInfo(file) is { Exists: true } info ? info.Length : 0));
    }

    /// <summary>
    /// The folder's identity, the same for every silo that shares it (one host's folder, one compose volume) and
    /// different between hosts even where the path is the same: a random id written once into the folder.
    /// </summary>
    public string Identity => _identity.Value;

    private string ReadOrCreateIdentity()
    {
        Directory.CreateDirectory(Folder);
        var file = System.IO.Path.Combine(Folder, ".spool-id");
        var existing = File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        if (existing is { Length: > 0 })
        {
            return existing;
        }
        // Written whole under a temporary name and moved into place, so no silo ever reads a half-written id;
        // of two silos creating it at once, the second takes the first's. Only an empty file (a crash while
        // an older version wrote it) is replaced.
        var temporary = System.IO.Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, Guid.NewGuid().ToString("N"));
        try
        {
            File.Move(temporary, file, overwrite: existing is not null);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
        return File.ReadAllText(file).Trim();
    }

    /// <summary>Takes a held chart for replay; null when another silo sharing the folder has it, or it is gone.</summary>
    public HeldChartLease? TryTake(string file)
    {
        try
        {
            // FileShare.None takes an exclusive lock: two silos on one folder never replay the same chart at once.
            return new HeldChartLease(this, file, new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, useAsync: true));
        }
        catch (Exception exception) when (exception is FileNotFoundException or IOException)
        {
            return null;
        }
    }

    internal async Task<HeldChart?> ReadAsync(string file, Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            await using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            return await JsonSerializer.DeserializeAsync<HeldChart>(gzip, Json, cancellationToken)
                ?? throw new JsonException("The file holds no chart.");
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or NotSupportedException)
        {
            // Kept aside for inspection, never retried for ever.
            File.Move(file, file + ".unreadable", overwrite: true);
            _dropped.Add(1, new KeyValuePair<string, object?>("reason", "unreadable"));
            LogUnreadable(exception, file);
            return null;
        }
    }

    internal void Replayed(string file, HeldChart chart)
    {
        File.Delete(file);
        _replayed.Add(1);
        LogReplayed(chart.Region, chart.Bucket, chart.Entries.Count);
    }

    private void Drop(HeldChart chart, string reason, string detail)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        _droppedSnapshots.Add(chart.Entries.Count, new KeyValuePair<string, object?>("reason", reason));
        LogDropped(chart.Region, chart.Bucket, chart.Entries.Count, detail);
    }

    private static string FileName(HeldChart chart) =>
        chart.Bucket.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "." + chart.Region + Extension;

    [LoggerMessage(Level = LogLevel.Error, Message = "Chart of {Region} bucket {Bucket:o} DROPPED with its {Videos} video snapshots: {Detail}")]
    private partial void LogDropped(string region, DateTimeOffset bucket, int videos, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Held chart {File} cannot be read; moved aside and counted as dropped")]
    private partial void LogUnreadable(Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Held chart of {Region} bucket {Bucket:o} written to the database ({Videos} videos)")]
    private partial void LogReplayed(string region, DateTimeOffset bucket, int videos);
}
