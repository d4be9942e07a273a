using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrendVault.Grains.Catalog;

/// <summary>Downloads a region's flag once into the static folder; a flag already on disk is never fetched again.</summary>
public sealed partial class FlagDownloader(IOptions<CatalogOptions> options, ILogger<FlagDownloader> logger) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Returns the flag's path relative to the static root, or null when it could not be fetched.</summary>
    public async Task<string?> EnsureFlagAsync(string regionCode, CancellationToken cancellationToken)
    {
        var code = regionCode.ToLowerInvariant();
        var url = options.Value.FlagUrlTemplate.Replace("{code}", code, StringComparison.Ordinal);
        var extension = Path.GetExtension(new Uri(url).AbsolutePath) is { Length: > 1 } ext ? ext : ".svg";
        var relativePath = $"flags/{code}{extension}";
        var fullPath = Path.Combine(options.Value.StaticRoot, "flags", code + extension);
        if (File.Exists(fullPath))
        {
            return relativePath;
        }
        try
        {
            var bytes = await _http.GetByteArrayAsync(url, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            // Write then rename so a crash never leaves a half-written flag that looks complete.
            var temporary = fullPath + ".part";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, fullPath, overwrite: true);
            return relativePath;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            LogFlagFailed(regionCode, url, exception.Message);
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flag of {Region} not downloaded from {Url}: {Reason}")]
    private partial void LogFlagFailed(string region, string url, string reason);
}
