using System.Security.Cryptography;
using System.Text;

namespace TrendVault.Gateway.Security;

/// <summary>
/// Reads the admin token a request presents and compares it in constant time. API clients send
/// "Bearer TOKEN"; browsers, for the Orleans dashboard only, send it as the password of "Basic"
/// credentials. Basic is never accepted by the API: browsers replay it on cross-site requests.
/// </summary>
public static class AdminToken
{
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static string? BasicPassword(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = credentials.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 ? credentials[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Compares SHA-256 digests so neither content nor length leaks through timing.</summary>
    public static bool Matches(string presented, string configured) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
