using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendVault.Gateway.Validation;

/// <summary>The RFC 7807 answers the API gives.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(RequestErrors errors) =>
        TypedResults.ValidationProblem(errors.All, title: "The request has invalid parameters.");

    /// <summary>A request over one of the API's bounds: the detail names the limit, the errors the parameter.</summary>
    public static ValidationProblem OverLimit(string parameter, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail, title: "The request exceeds a limit.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult InvalidVideoId(string value) =>
        TypedResults.Problem($"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not a YouTube video id (11 characters: letters, digits, '-' or '_').",
            statusCode: StatusCodes.Status400BadRequest, title: "Invalid video id");

    public static ProblemHttpResult InvalidRegion(RequestErrors errors) =>
        TypedResults.Problem(errors.All.Values.First()[0], statusCode: StatusCodes.Status400BadRequest, title: "Invalid region code");
}
