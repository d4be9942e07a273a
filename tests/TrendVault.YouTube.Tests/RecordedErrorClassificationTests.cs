using System.Net;
using TrendVault.Testing;
using TrendVault.YouTube.Errors;

namespace TrendVault.YouTube.Tests;

public sealed class RecordedErrorClassificationTests
{
    [Theory]
    [InlineData("error.quotaExceeded.json", HttpStatusCode.Forbidden, YouTubeErrorKind.QuotaExceeded, "quotaExceeded")]
    [InlineData("error.keyInvalid.legacy.json", HttpStatusCode.BadRequest, YouTubeErrorKind.InvalidKey, "keyInvalid")]
    [InlineData("error.accessNotConfigured.json", HttpStatusCode.Forbidden, YouTubeErrorKind.AccessNotConfigured, "accessNotConfigured")]
    [InlineData("error.accessNotConfigured.legacy-2020.json", HttpStatusCode.Forbidden, YouTubeErrorKind.AccessNotConfigured, "accessNotConfigured")]
    [InlineData("error.badRequest.invalidArgument.json", HttpStatusCode.BadRequest, YouTubeErrorKind.BadRequest, "badRequest")]
    [InlineData("error.permissionDenied.json", HttpStatusCode.Forbidden, YouTubeErrorKind.Forbidden, "SERVICE_UNAVAILABLE")]
    public async Task Each_recorded_error_is_classified(string file, HttpStatusCode status, YouTubeErrorKind kind, string reason)
    {
        var client = RecordedResponses.Client(_ => (status, file));

        var error = await Assert.ThrowsAsync<YouTubeApiException>(() => client.GetMostPopularAsync("US", maxPages: 1));

        Assert.Equal((kind, status, reason), (error.Kind, error.Status, error.Reason));
    }

    [Fact]
    public async Task Key_errors_need_an_operator_and_quota_errors_do_not()
    {
        var quota = await Assert.ThrowsAsync<YouTubeApiException>(() =>
            RecordedResponses.Client(_ => (HttpStatusCode.Forbidden, "error.quotaExceeded.json")).ListRegionsAsync());
        var key = await Assert.ThrowsAsync<YouTubeApiException>(() =>
            RecordedResponses.Client(_ => (HttpStatusCode.BadRequest, "error.keyInvalid.legacy.json")).ListRegionsAsync());

        Assert.False(quota.IsConfigurationError);
        Assert.True(key.IsConfigurationError);
    }

    [Fact]
    public async Task A_failed_call_still_counts_as_an_api_call()
    {
        var calls = new ApiCallCounter();

        await Assert.ThrowsAsync<YouTubeApiException>(() =>
            RecordedResponses.Client(_ => (HttpStatusCode.Forbidden, "error.quotaExceeded.json")).GetMostPopularAsync("US", 4, calls));

        Assert.Equal(1, calls.Count);
    }

    [Fact]
    public async Task A_failed_call_is_counted_by_operation_and_error_kind()
    {
        using var meters = new TestMeters();
        var client = RecordedResponses.Client(_ => (HttpStatusCode.Forbidden, "error.quotaExceeded.json"), meters);

        await Assert.ThrowsAsync<YouTubeApiException>(() => client.ListRegionsAsync());

        Assert.Equal(1, meters.Sum("trendvault.youtube.calls", "error_kind", "QuotaExceeded"));
        Assert.Equal(1, meters.Sum("trendvault.youtube.calls", "operation", "regions"));
        Assert.Equal(0, meters.Sum("trendvault.youtube.calls", "outcome", "succeeded"));
    }

    [Fact]
    public async Task Each_chart_page_is_counted_as_one_succeeded_chart_call()
    {
        using var meters = new TestMeters();
        var client = RecordedResponses.Client(_ => (HttpStatusCode.OK, "videos.mostPopular.US.page1.json"), meters);

        await client.GetMostPopularAsync("US", maxPages: 1);

        Assert.Equal(1, meters.Sum("trendvault.youtube.calls", "operation", "chart"));
        Assert.Equal(1, meters.Sum("trendvault.youtube.calls", "outcome", "succeeded"));
    }
}
