using System.Text;

namespace TrendVault.YouTube;

/// <summary>
/// Makes API text storable in PostgreSQL: U+0000 is removed and lone UTF-16 surrogates become U+FFFD.
/// Google's JSON reader already turns an escaped lone surrogate ("\ud83d") into U+FFFD, so text that
/// carries U+FFFD is reported as repaired too: it is the only trace such a repair leaves.
/// </summary>
public static class TextRepair
{
    public static string? Repair(string? value, ref ItemDefects defects)
    {
        if (value is null)
        {
            return null;
        }
        var repaired = value;
        if (repaired.Contains('\0', StringComparison.Ordinal))
        {
            repaired = repaired.Replace("\0", string.Empty, StringComparison.Ordinal);
        }
        if (repaired.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            // UTF-8's replacement fallback writes U+FFFD for each lone surrogate; valid pairs (emoji) come back as they were.
            var roundTrip = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(repaired));
            repaired = string.Equals(roundTrip, repaired, StringComparison.Ordinal) ? repaired : roundTrip;
        }
        if (!ReferenceEquals(repaired, value) || repaired.Contains('\uFFFD', StringComparison.Ordinal))
        {
            defects |= ItemDefects.InvalidText;
        }
        return repaired;
    }
}
