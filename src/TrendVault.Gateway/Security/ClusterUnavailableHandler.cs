using Microsoft.AspNetCore.Diagnostics;
using TrendVault.Storage;

namespace TrendVault.Gateway.Security;

/// <summary>Answers 503 with problem details when the Orleans cluster or the database cannot be reached.</summary>
public sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Only outages: a permanent database error is a bug and stays a logged 500.
        if (exception is not OrleansException && !DatabaseOutage.Is(exception))
        {
            return false;
        }
        LogUnavailable(exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        // Outages here last seconds (a silo failover) to minutes (a database restart): ask for a short wait.
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The cluster or the database is not reachable right now; try again shortly.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request failed because a backend is unavailable: {ExceptionType} {Reason}")]
    private partial void LogUnavailable(string exceptionType, string reason);
}
