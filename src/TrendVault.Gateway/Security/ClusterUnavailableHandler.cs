using Microsoft.AspNetCore.Diagnostics;

namespace TrendVault.Gateway.Security;

/// <summary>Answers 503 with problem details when the Orleans cluster or the database cannot be reached.</summary>
public sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Only outages: a permanent database error is a bug and stays a logged 500.
        if (exception is not (OrleansException or TimeoutException or Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException))
        {
            return false;
        }
        LogUnavailable(exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
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
