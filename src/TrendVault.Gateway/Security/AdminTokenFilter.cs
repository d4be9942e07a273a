using Microsoft.Extensions.Options;

namespace TrendVault.Gateway.Security;

/// <summary>
/// Guards admin endpoints with "Authorization: Bearer TRENDVAULT_ADMIN_TOKEN". Without a configured
/// token they are refused outright.
/// </summary>
public sealed class AdminTokenFilter(IOptions<GatewayApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = options.Value.AdminToken;
        if (string.IsNullOrEmpty(configured))
        {
            return AdminDisabled();
        }
        var presented = AdminToken.Bearer(context.HttpContext.Request);
        if (presented is null || !AdminToken.Matches(presented, configured))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Unauthorized(presented is null ? "Send Authorization: Bearer <admin token>." : "The admin token is not valid.");
        }
        return await next(context);
    }

    internal static IResult AdminDisabled() =>
        TypedResults.Problem("Admin endpoints are disabled: the gateway has no TRENDVAULT_ADMIN_TOKEN.",
            statusCode: StatusCodes.Status403Forbidden, title: "Admin disabled");

    internal static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
