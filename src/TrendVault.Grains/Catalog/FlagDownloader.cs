using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrendVault.Grains.Catalog;

/// <summary>
/// Downloads a region's flag once into the static folder; a flag already on disk is never fetched again.
/// The gateway serves these files from the dashboard's origin, so only a small SVG or PNG from the
/// configured host is kept: redirects to another host, oversized answers and other content are refused.
/// </summary>
public sealed partial class FlagDownloader(IOptions<CatalogOptions> options, ILogger<FlagDownloader> logger) : IDisposable
{
    private const int MaxRedirects = 3;
    // The client buffers each answer up to the cap and refuses a longer one, whatever its length header says.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(15),
        MaxResponseContentBufferSize = options.Value.FlagMaxBytes,
    };

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
            var bytes = await DownloadAsync(new Uri(url), cancellationToken);
            if (FlagFile.Problem(bytes, extension) is { } problem)
            {
                throw new InvalidDataException(problem);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            // Write then rename so a crash never leaves a half-written flag that looks complete.
            var temporary = fullPath + ".part";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, fullPath, overwrite: true);
            return relativePath;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or UnauthorizedAccessException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            LogFlagFailed(regionCode, url, exception.Message);
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var response = await _http.GetAsync(url, cancellationToken);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                var next = new Uri(url, location);
                if (redirects == MaxRedirects || next.Scheme != url.Scheme || !string.Equals(next.Authority, url.Authority, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"redirected to {next.GetLeftPart(UriPartial.Authority)}, not followed");
                }
                url = next;
                continue;
            }
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flag of {Region} not downloaded from {Url}: {Reason}")]
    private partial void LogFlagFailed(string region, string url, string reason);
}
