using System.Diagnostics.CodeAnalysis;

namespace TrendVault;

/// <summary>Validation and normalisation of ISO 3166-1 alpha-2 region codes.</summary>
public static class RegionCode
{
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (value is not { Length: 2 } || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
        {
            return false;
        }
        code = value.ToUpperInvariant();
        return true;
    }
}
