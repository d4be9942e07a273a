using System.Security.Cryptography;
using System.Text;

namespace TrendVault.Gateway.Security;

/// <summary>
/// Reads the admin token a request presents, as "Bearer TOKEN" (API clients) or as the password of
/// "Basic" credentials (browsers, for the Orleans dashboard), and compares it in constant time.
/// </summary>
public static class AdminToken
{
    public static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
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
