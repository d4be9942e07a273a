using Google.Apis.Services;

namespace TrendVault.YouTube.Api;

/// <summary>
/// The few YouTube Data API v3 methods TrendVault needs, on Google's client runtime so that keys,
/// retries, JSON and error bodies go through the same pipeline as Google's generated clients.
/// </summary>
public sealed class YouTubeService : BaseClientService
{
    public YouTubeService(Initializer initializer) : base(initializer)
    {
    }

    public override string Name => "youtube";

    // The configured base URL already ends with the API's path (…/youtube/v3/), so BasePath is empty.
    public override string BaseUri => BaseUriOverride ?? YouTubeOptions.DefaultBaseUrl;

    public override string BasePath => string.Empty;

    public override string BatchUri => BaseUri + "batch";

    public override string BatchPath => "batch";

    public override IList<string> Features => [];

    public VideosListRequest ListVideos(string part) => new(this, part);

    public I18nRegionsListRequest ListRegions(string part) => new(this, part);

    public VideoCategoriesListRequest ListVideoCategories(string part) => new(this, part);
}
