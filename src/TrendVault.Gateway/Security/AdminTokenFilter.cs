using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TrendVault.Gateway.Security;

/// <summary>
/// Guards admin endpoints with "Authorization: Bearer TRENDVAULT_ADMIN_TOKEN". Without a configured
/// token they are refused outright; tokens are compared as SHA-256 digests in constant time, so
/// neither content nor length leaks through timing.
/// </summary>
public sealed class AdminTokenFilter(IOptions<GatewayApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = options.Value.AdminToken;
        if (string.IsNullOrEmpty(configured))
        {
            return TypedResults.Problem("Admin endpoints are disabled: the gateway has no TRENDVAULT_ADMIN_TOKEN.",
                statusCode: StatusCodes.Status403Forbidden, title: "Admin disabled");
        }
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        if (presented is null || !Matches(presented, configured))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(presented is null ? "Send Authorization: Bearer <admin token>." : "The admin token is not valid.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }
        return await next(context);
    }

    private static bool Matches(string presented, string configured) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
