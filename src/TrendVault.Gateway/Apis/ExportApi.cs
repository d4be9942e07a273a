using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TrendVault.Gateway.Caching;
using TrendVault.Gateway.Limits;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Validation;

namespace TrendVault.Gateway.Apis;

public static class ExportApi
{
    /// <summary>Every collected region's 200 ranks an hour: with the default 11 regions a week is already ~370,000 rows.</summary>
    public const int MaxDaysWithoutRegion = 7;

    /// <summary>One region's year: about 1.8 million rows at 200 ranks an hour.</summary>
    public const int MaxDaysWithRegion = 366;

    /// <summary>Part of every export's ETag: changing the CSV's columns or formats must change it too.</summary>
    private const string Layout = "trending-csv-1";

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/export").WithTags("Export").RequireRateLimiting(RateLimitPolicies.Exports);
        api.MapGet("/trending.csv", TrendingCsv)
            .WithSummary("Trending entries as CSV in the classic 'Trending YouTube Video Statistics' columns plus region and rank (streamed, RFC 4180); "
                + "at most 7 days without a region, 366 days with one (default: the last 7 or 366 days). A strong ETag; 304 to a matching If-None-Match")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }

    private static async Task<Results<EmptyHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> TrendingCsv(
        [FromQuery] string? region, [FromQuery] string? from, [FromQuery] string? to,
        ExportQueries export, RegionQueries regions, ExportSlots slots, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var code = RequestParsing.RegionCode(region, "region", errors, required: false);
        var fromTime = RequestParsing.Timestamp(from, "from", errors);
        var toTime = RequestParsing.Timestamp(to, "to", errors);
        RequestParsing.Range(fromTime, toTime, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }
        // A missing end is now, a missing start the longest range allowed before the end.
        var limitDays = code is null ? MaxDaysWithoutRegion : MaxDaysWithRegion;
        var end = toTime ?? clock.GetUtcNow();
        var start = fromTime ?? end - TimeSpan.FromDays(limitDays);
        if (end - start > TimeSpan.FromDays(limitDays))
        {
            return Problems.OverLimit("from", code is null
                ? $"The range exceeds the {MaxDaysWithoutRegion}-day limit for exports without a region; give a region or a shorter range."
                : $"The range exceeds the {MaxDaysWithRegion}-day limit for exports of one region; give a shorter range.");
        }
        if (code is not null && await regions.FindAsync(code, cancellationToken) is null)
        {
            return Problems.NotFound($"Region {code} is not in the catalog.");
        }
        // Revalidating costs one small query (tens of milliseconds) where the export streams for seconds. Its
        // videos' metadata can still change, so every use revalidates (no-cache) rather than trusting an age.
        var tag = HttpCaching.StrongTag(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Layout + "|" + await export.VersionAsync(code, start, end, cancellationToken))));
        if (HttpCaching.ClientHolds(context.Request, tag))
        {
            Validators(context.Response, tag);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        using var slot = slots.TryEnter();
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = ((int)ExportSlots.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem($"{slots.Limit} exports are running, the limit of concurrent exports; try again later.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many exports");
        }

        Validators(context.Response, tag);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"trending{(code is null ? string.Empty : "-" + code)}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.Context.RegisterClassMap<TrendingExportMap>();
        csv.WriteHeader<TrendingExportRow>();
        await csv.NextRecordAsync();
        // The download starts now, not when the writer's buffer first fills.
        await csv.FlushAsync();
        await writer.FlushAsync(cancellationToken);
        await foreach (var row in export.TrendingAsync(code, start, end, cancellationToken))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
        }
        return TypedResults.Empty;
    }

    private static void Validators(HttpResponse response, EntityTagHeaderValue tag)
    {
        response.GetTypedHeaders().ETag = tag;
        response.Headers.CacheControl = "no-cache";
    }
}
