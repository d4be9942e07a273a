using TrendVault.FakeYouTube.Diagnostics;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>
/// Runs in front of every /youtube/v3/ request in the real API's order: count the call (it costs a unit even
/// when it fails), check the API key, then apply the every-region fault.
/// </summary>
internal static class ApiGate
{
    public const string BasePath = "/youtube/v3";

    public static void UseApiGate(this WebApplication app, FakeYouTubeOptions options, FakeFaults faults, FakeRequestCounter counter) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(BasePath, out var rest))
            {
                await next(context);
                return;
            }

            var method = rest.Value?.Trim('/') ?? "";
            var isApiMethod = ApiJson.ListKinds.TryGetValue(method, out var listKind);
            counter.CountRequest(isApiMethod ? method : "other", costsUnit: isApiMethod);

            var rejection = CheckKey(context.Request, options)
                ?? (isApiMethod ? TakeFault(faults, counter, FakeFaults.AllRegions, listKind!) : null);
            if (rejection is null)
            {
                await next(context);
            }
            else
            {
                await rejection.ExecuteAsync(context);
            }
        });

    /// <summary>The fault response for a region's next request, if a fault is set for it.</summary>
    public static IResult? TakeFault(FakeFaults faults, FakeRequestCounter counter, string region, string listKind)
    {
        if (!faults.TryTake(region, out var kind))
        {
            return null;
        }

        counter.CountFault();
        return ApiErrors.ForFault(kind, listKind);
    }

    // Google reads the key from ?key= (what Google.Apis sends) or the X-Goog-Api-Key header.
    private static IResult? CheckKey(HttpRequest request, FakeYouTubeOptions options)
    {
        var key = Query.Single(request, "key") ?? request.Headers["X-Goog-Api-Key"].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            return ApiErrors.MissingKey();
        }

        return string.IsNullOrEmpty(options.ApiKey) || key == options.ApiKey ? null : ApiErrors.KeyInvalid();
    }
}
