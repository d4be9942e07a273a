using System.Text;

namespace TrendVault.Grains.Catalog;

/// <summary>
/// What a downloaded flag must be before the gateway serves it from the dashboard's origin: an SVG or
/// a PNG, as its extension says, and small. Anything else (an HTML error page, a script) is refused.
/// </summary>
public static class FlagFile
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Why the content cannot be a flag with this extension, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<byte> content, string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => content.StartsWith(PngSignature) ? null : "not a PNG image",
        ".svg" => IsSvg(content) ? null : "not an SVG image",
        _ => $"flags must be .svg or .png, not {extension}",
    };

    // An SVG's root element comes after at most an XML declaration, comments or a doctype: look for it in the head.
    private static bool IsSvg(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 4096)]);
        var root = head.IndexOf("<svg", StringComparison.OrdinalIgnoreCase);
        return root >= 0 && !head[..root].Contains("<html", StringComparison.OrdinalIgnoreCase);
    }
}
