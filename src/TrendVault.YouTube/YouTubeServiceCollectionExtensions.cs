using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendVault.YouTube;

public static class YouTubeServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IYouTubeClient"/> configured from YOUTUBE_API_KEY, YOUTUBE_BASE_URL and the "YouTube" section.</summary>
    public static IServiceCollection AddYouTubeClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<YouTubeOptions>()
            .Bind(configuration.GetSection("YouTube"))
            .Configure(o =>
            {
                if (configuration["YOUTUBE_API_KEY"] is { Length: > 0 } key)
                {
                    o.ApiKey = key;
                }
                if (configuration["YOUTUBE_BASE_URL"] is { Length: > 0 } baseUrl)
                {
                    o.BaseUrl = baseUrl;
                }
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "YOUTUBE_API_KEY is required (the run script starts the fake API and sets one when it is unset).")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.EndsWith('/'), "YOUTUBE_BASE_URL must be an absolute URL ending with '/'.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "YouTube:MaxRetries must be between 0 and 10.")
            .ValidateOnStart();

        services.AddSingleton(sp => YouTubeServiceFactory.Create(sp.GetRequiredService<IOptions<YouTubeOptions>>().Value));
        services.AddSingleton<BrokenItemMetrics>();
        services.AddSingleton<YouTubeCallMetrics>();
        services.AddSingleton<IYouTubeClient, YouTubeClient>();
        return services;
    }
}
