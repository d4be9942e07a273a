using System.Net;
using System.Text;
using Google.Apis.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendVault.Testing;
using TrendVault.YouTube.Api;

namespace TrendVault.YouTube.Tests;

/// <summary>
/// Replays the genuine API answers kept in ../shared/youtube-api through Google's full request
/// pipeline; only the socket is replaced.
/// </summary>
public static class RecordedResponses
{
    public static string Folder { get; } = SharedFolder.Find("youtube-api", "the recorded API answers");

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static YouTubeService Service(Func<HttpRequestMessage, (HttpStatusCode Status, string File)> answer) =>
        YouTubeServiceFactory.Create(Options(), new ReplayFactory(answer));

    public static YouTubeClient Client(Func<HttpRequestMessage, (HttpStatusCode Status, string File)> answer) => Client(answer, new TestMeters());

    public static YouTubeClient Client(Func<HttpRequestMessage, (HttpStatusCode Status, string File)> answer, TestMeters meters) =>
        new(Service(answer), Microsoft.Extensions.Options.Options.Create(Options()), new BrokenItemMetrics(meters), new YouTubeCallMetrics(meters), NullLogger<YouTubeClient>.Instance);

    private static YouTubeOptions Options() => new()
    {
        ApiKey = "recorded",
        BaseUrl = "https://www.googleapis.com/youtube/v3/",
        MaxRetries = 0,
    };

    private sealed class ReplayFactory(Func<HttpRequestMessage, (HttpStatusCode Status, string File)> answer) : HttpClientFactory
    {
        protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => new ReplayHandler(answer);
    }

    private sealed class ReplayHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string File)> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, file) = answer(request);
            return Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(Read(file), Encoding.UTF8, "application/json"),
            });
        }
    }
}
