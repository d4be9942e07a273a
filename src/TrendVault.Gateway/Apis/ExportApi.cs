using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrendVault.Gateway.Queries;
using TrendVault.Gateway.Validation;

namespace TrendVault.Gateway.Apis;

public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/export").WithTags("Export");
        api.MapGet("/trending.csv", TrendingCsv)
            .WithSummary("Trending entries as CSV in the classic 'Trending YouTube Video Statistics' columns plus region and rank (streamed, RFC 4180)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> TrendingCsv(
        [FromQuery] string? region, [FromQuery] string? from, [FromQuery] string? to,
        ExportQueries export, RegionQueries regions, HttpContext context, CancellationToken cancellationToken)
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
        if (code is not null && await regions.FindAsync(code, cancellationToken) is null)
        {
            return Problems.NotFound($"Region {code} is not in the catalog.");
        }

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
        await foreach (var row in export.TrendingAsync(code, fromTime, toTime, cancellationToken))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
        }
        return TypedResults.Empty;
    }
}
