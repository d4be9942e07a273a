namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Query-string reading with the API's conventions.</summary>
internal static class Query
{
    /// <summary>
    /// All values of a list parameter. The API accepts both repeated (id=a&amp;id=b, as Google.Apis sends)
    /// and comma-joined (id=a,b) forms, so both are flattened.
    /// </summary>
    public static List<string> List(HttpRequest request, string name) =>
        request.Query[name]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    public static string? Single(HttpRequest request, string name) =>
        request.Query[name] is { Count: > 0 } values && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>Validates the required <c>part</c> parameter; returns the error to send, or null when valid.</summary>
    public static IResult? CheckParts(IReadOnlyList<string> parts, IReadOnlyCollection<string> supported)
    {
        if (parts.Count == 0)
        {
            return ApiErrors.InvalidParameter("global", "required", "Required parameter: part");
        }

        var unknown = parts.FirstOrDefault(part => !supported.Contains(part));
        return unknown is null ? null : ApiErrors.InvalidParameter("youtube.part", "unknownPart", $"'{unknown}'");
    }
}
