using Microsoft.Extensions.Options;

namespace TrendVault.Gateway.Security;

/// <summary>
/// Puts the Orleans dashboard behind the admin token. Browsers cannot send a bearer header, so a
/// Basic challenge makes them ask for it (any user name, the token as password).
/// </summary>
public sealed class DashboardAdminMiddleware(RequestDelegate next, IOptions<GatewayApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var configured = options.Value.AdminToken;
        if (string.IsNullOrEmpty(configured))
        {
            await AdminTokenFilter.AdminDisabled().ExecuteAsync(context);
            return;
        }
        var presented = AdminToken.BasicPassword(context.Request);
        if (presented is null || !AdminToken.Matches(presented, configured))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"TrendVault admin\", charset=\"UTF-8\"";
            await AdminTokenFilter.Unauthorized("Sign in with any user name and the admin token as password.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
