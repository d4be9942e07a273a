namespace TrendVault.Gateway.Security;

/// <summary>Headers that keep browsers from misreading or misusing what the gateway serves.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The dashboard loads its scripts, styles and data from the gateway only; thumbnails come from
    /// YouTube's image host. Its scripts are files (no inline script), and it is never framed.
    /// </summary>
    public const string DashboardPolicy = "default-src 'self'; img-src 'self' https://i.ytimg.com data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// Collected files (flags) come from another host: an SVG opened on its own must not run script
    /// with the gateway's origin, so it is sandboxed and may only use its own inline styles.
    /// </summary>
    public const string CollectedFilePolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    /// <summary>nosniff and a referrer policy on every answer, errors included; the dashboard's CSP on its page.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Read before the default-files middleware rewrites "/" to "/index.html".
            var isDashboard = context.Request.Path.Value is "/" or "/index.html";
            // Set when the answer starts: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (isDashboard)
                {
                    headers.ContentSecurityPolicy = DashboardPolicy;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}
