using TrendVault.Model;

namespace TrendVault.YouTube;

/// <summary>
/// The YouTube Data API calls TrendVault makes. Every failure surfaces as a
/// <see cref="Errors.YouTubeApiException"/> with a classified kind.
/// </summary>
public interface IYouTubeClient
{
    Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(ApiCallCounter? calls = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CategoryInfo>> ListCategoriesAsync(string regionCode, ApiCallCounter? calls = null, CancellationToken cancellationToken = default);

    /// <summary>Follows nextPageToken for up to <paramref name="maxPages"/> pages of 50.</summary>
    Task<MostPopularChart> GetMostPopularAsync(string regionCode, int maxPages, ApiCallCounter? calls = null, CancellationToken cancellationToken = default);

    /// <summary>Looks up at most 50 ids in one call; ids YouTube no longer serves are simply absent.</summary>
    Task<IReadOnlyList<VideoObservation>> GetVideosAsync(IReadOnlyCollection<string> ids, ApiCallCounter? calls = null, CancellationToken cancellationToken = default);
}
