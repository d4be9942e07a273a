using System.Globalization;
using System.Text.Json;
using TrendVault.FakeYouTube.Data;
using TrendVault.FakeYouTube.Diagnostics;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Endpoints that are not part of the YouTube API: control and counters for tests, flags and a banner for the demo.</summary>
internal static class ControlEndpoints
{
    private const string Banner =
        "TrendVault simulated YouTube Data API v3: the data is generated, not real.\n" +
        "API base URL: /youtube/v3/ (videos, videoCategories, i18nRegions; ?key= required)\n" +
        "Control: GET|DELETE /_fake/requests, GET /_fake/faults, PUT|DELETE /_fake/faults/{region|*}, DELETE /_fake/faults\n" +
        "Broken chart items: GET /_fake/broken, PUT /_fake/broken/{region}/{position}, DELETE /_fake/broken/{region}, DELETE /_fake/broken\n" +
        "Flags: GET /flags/{code}.svg\n";

    public static void MapControlEndpoints(this WebApplication app, FakeCatalog catalog, FakeFaults faults, FakeBrokenItems broken, FakeRequestCounter counter)
    {
        app.MapGet("/", () => Results.Text(Banner));
        app.MapGet("/_fake/requests", () => Results.Json(new
        {
            total = counter.Total,
            units = counter.Units,
            idLookups = counter.IdLookups,
            faultsServed = counter.FaultsServed,
            endpoints = counter.Endpoints,
            charts = counter.ChartCallsByRegion,
        }));
        app.MapDelete("/_fake/requests", () =>
        {
            counter.Reset();
            return Results.NoContent();
        });
        app.MapGet("/_fake/faults", () => Results.Json(faults.Active.ToDictionary(
            fault => fault.Key, fault => new { kind = Name(fault.Value.Kind), count = fault.Value.Remaining })));
        app.MapPut("/_fake/faults/{region}", (string region, FaultRequest body) => SetFault(catalog, faults, region, body));
        app.MapDelete("/_fake/faults/{region}", (string region) =>
        {
            faults.Clear(region);
            return Results.NoContent();
        });
        app.MapDelete("/_fake/faults", () =>
        {
            faults.ClearAll();
            return Results.NoContent();
        });
        app.MapGet("/_fake/broken", () => Results.Json(broken.Active.ToDictionary(
            region => region.Key, region => region.Value.ToDictionary(item => item.Key.ToString(CultureInfo.InvariantCulture), item => Name(item.Value)))));
        app.MapPut("/_fake/broken/{region}/{position:int}", (string region, int position, BrokenItemRequest body) => SetBroken(catalog, broken, region, position, body));
        app.MapDelete("/_fake/broken/{region}", (string region) =>
        {
            broken.Clear(region);
            return Results.NoContent();
        });
        app.MapDelete("/_fake/broken", () =>
        {
            broken.ClearAll();
            return Results.NoContent();
        });
        app.MapGet("/flags/{code}.svg", (string code) => catalog.IsKnownRegion(code)
            ? Results.Text(FlagSvg.Render(code.ToUpperInvariant()), "image/svg+xml")
            : Results.NotFound());
    }

    private static IResult SetFault(FakeCatalog catalog, FakeFaults faults, string region, FaultRequest body)
    {
        if (region != FakeFaults.AllRegions && !catalog.IsKnownRegion(region))
        {
            return Results.NotFound(new { error = $"Unknown region '{region}'; use a region code or '*'." });
        }

        var kind = Enum.GetValues<FakeFaultKind>()
            .Cast<FakeFaultKind?>()
            .FirstOrDefault(k => string.Equals(k.ToString(), body.Kind, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            return Results.BadRequest(new { error = $"Unknown fault kind '{body.Kind}'.", kinds = Enum.GetValues<FakeFaultKind>().Select(Name) });
        }

        if (body.Count is <= 0)
        {
            return Results.BadRequest(new { error = "count must be positive, or null to fail until cleared." });
        }

        faults.Set(region.ToUpperInvariant(), kind.Value, body.Count);
        return Results.Ok(new { region = region.ToUpperInvariant(), kind = Name(kind.Value), count = body.Count });
    }

    private static IResult SetBroken(FakeCatalog catalog, FakeBrokenItems broken, string region, int position, BrokenItemRequest body)
    {
        if (!catalog.IsKnownRegion(region))
        {
            return Results.NotFound(new { error = $"Unknown region '{region}'." });
        }

        var kind = Enum.GetValues<FakeBrokenItemKind>()
            .Cast<FakeBrokenItemKind?>()
            .FirstOrDefault(k => string.Equals(k.ToString(), body.Kind, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            return Results.BadRequest(new { error = $"Unknown broken item kind '{body.Kind}'.", kinds = Enum.GetValues<FakeBrokenItemKind>().Select(Name) });
        }

        if (position < 1)
        {
            return Results.BadRequest(new { error = "position is the 1-based chart position." });
        }

        broken.Set(region.ToUpperInvariant(), position, kind.Value);
        return Results.Ok(new { region = region.ToUpperInvariant(), position, kind = Name(kind.Value) });
    }

    private static string Name(FakeFaultKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static string Name(FakeBrokenItemKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private sealed record FaultRequest(string? Kind, int? Count);

    private sealed record BrokenItemRequest(string? Kind);
}
