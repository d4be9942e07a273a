using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendVault.Gateway.Validation;

/// <summary>The RFC 7807 answers the API gives.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(RequestErrors errors) =>
        TypedResults.ValidationProblem(errors.All, title: "The request has invalid parameters.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult InvalidVideoId(string value) =>
        TypedResults.Problem($"'{(value.Length > 40 ? value[..40] + "…" : value)}' is not a YouTube video id (11 characters: letters, digits, '-' or '_').",
            statusCode: StatusCodes.Status400BadRequest, title: "Invalid video id");

    public static ProblemHttpResult InvalidRegion(RequestErrors errors) =>
        TypedResults.Problem(errors.All.Values.First()[0], statusCode: StatusCodes.Status400BadRequest, title: "Invalid region code");
}
