using CultureInfo = System.Globalization.CultureInfo;
using NumberStyles = System.Globalization.NumberStyles;
using Google;
using Google.Apis.Requests;
using Microsoft.Extensions.Logging;
using TrendVault.Model;
using TrendVault.YouTube.Api;
using TrendVault.YouTube.Errors;

namespace TrendVault.YouTube;

/// <inheritdoc />
public sealed partial class YouTubeClient(
    YouTubeService service, Microsoft.Extensions.Options.IOptions<YouTubeOptions> options, BrokenItemMetrics metrics, YouTubeCallMetrics callMetrics, ILogger<YouTubeClient> logger) : IYouTubeClient
{
    private const int PageSize = 50;
    private const string VideoParts = "snippet,statistics,contentDetails";

    public async Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(ApiCallCounter? calls = null, CancellationToken cancellationToken = default)
    {
        var request = service.ListRegions("snippet");
        request.Hl = options.Value.Language;
        var response = await ExecuteAsync("regions", request, calls, cancellationToken);
        return (response.Items ?? [])
            .Where(r => RegionCode.TryNormalize(r.Snippet?.Gl ?? r.Id, out _))
            .Select(r => new RegionInfo((r.Snippet?.Gl ?? r.Id)!.ToUpperInvariant(), r.Snippet?.Name ?? r.Id!))
            .ToList();
    }

    public async Task<IReadOnlyList<CategoryInfo>> ListCategoriesAsync(string regionCode, ApiCallCounter? calls = null, CancellationToken cancellationToken = default)
    {
        var request = service.ListVideoCategories("snippet");
        request.RegionCode = regionCode;
        request.Hl = options.Value.Language;
        var response = await ExecuteAsync("categories", request, calls, cancellationToken);
        var categories = new List<CategoryInfo>();
        foreach (var item in response.Items ?? [])
        {
            if (int.TryParse(item.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                categories.Add(new CategoryInfo(id, item.Snippet?.Title ?? item.Id!, item.Snippet?.Assignable ?? false));
            }
        }
        return categories;
    }

    public async Task<MostPopularChart> GetMostPopularAsync(string regionCode, int maxPages, ApiCallCounter? calls = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var entries = new List<ChartEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var broken = new BrokenItemTally();
        string? pageToken = null;
        var pages = 0;
        var position = 0;
        do
        {
            var request = service.ListVideos(VideoParts);
            request.Chart = "mostPopular";
            request.RegionCode = regionCode;
            request.MaxResults = PageSize;
            request.PageToken = pageToken;
            var response = await ExecuteAsync("chart", request, calls, cancellationToken);
            pages++;
            foreach (var item in response.Items ?? [])
            {
                // A skipped item keeps its slot: ranks stay the API's positions.
                position++;
                var (video, defects) = Map(item, regionCode, position);
                broken.Add(defects);
                // A video can slide from one page to the next between calls; its first rank wins.
                if (video is not null && seen.Add(video.Metadata.YouTubeId))
                {
                    entries.Add(new ChartEntry(position, video));
                }
            }
            pageToken = response.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken) && pages < maxPages);

        return new MostPopularChart(regionCode, entries, pages) { Broken = broken.ToBrokenItems() };
    }

    public async Task<IReadOnlyList<VideoObservation>> GetVideosAsync(IReadOnlyCollection<string> ids, ApiCallCounter? calls = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, PageSize);
        if (ids.Count == 0)
        {
            return [];
        }
        var request = service.ListVideos(VideoParts);
        request.Id = new Google.Apis.Util.Repeatable<string>(ids);
        request.MaxResults = PageSize;
        var response = await ExecuteAsync("videos", request, calls, cancellationToken);
        return (response.Items ?? []).Select(item => Map(item, null, null).Video).OfType<VideoObservation>().ToList();
    }

    private MappedVideo Map(Api.Data.Video? item, string? region, int? position)
    {
        var mapped = VideoMapper.Map(item);
        metrics.Record(mapped.Defects);
        if (mapped.Video is null)
        {
            LogSkippedItem(item?.Id, position, region, string.Join(",", ItemDefectNames.Of(mapped.Defects)));
        }
        else if (mapped.Defects != ItemDefects.None)
        {
            LogRepairedItem(item!.Id!, position, region, string.Join(",", ItemDefectNames.Of(mapped.Defects)));
        }
        return mapped;
    }

    private async Task<T> ExecuteAsync<T>(string operation, ClientServiceRequest<T> request, ApiCallCounter? calls, CancellationToken cancellationToken)
    {
        // Flows into Google's handler, where every attempt is counted; an async method's change does not leak to its caller.
        ApiCallCounter.Current = calls;
        try
        {
            var response = await request.ExecuteAsync(cancellationToken);
            callMetrics.Succeeded(operation);
            return response;
        }
        catch (Exception exception) when (Classify(exception, cancellationToken) is { } error)
        {
            callMetrics.Failed(operation, error.Kind);
            throw error;
        }
    }

    private static YouTubeApiException? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        GoogleApiException google => YouTubeErrorClassifier.Classify(google),
        Newtonsoft.Json.JsonException json => YouTubeErrorClassifier.Malformed(json),
        HttpRequestException http => new YouTubeApiException(YouTubeErrorKind.Transport, http.StatusCode, null, $"YouTube API unreachable: {http.Message}", http),
        TaskCanceledException timeout when !cancellationToken.IsCancellationRequested =>
            new YouTubeApiException(YouTubeErrorKind.Transport, null, null, "YouTube API call timed out", timeout),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video item {VideoId} (chart {Region}, position {Position}) is unusable ({Defects}); skipped")]
    private partial void LogSkippedItem(string? videoId, int? position, string? region, string defects);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Video {VideoId} (chart {Region}, position {Position}) repaired: {Defects}")]
    private partial void LogRepairedItem(string videoId, int? position, string? region, string defects);
}
