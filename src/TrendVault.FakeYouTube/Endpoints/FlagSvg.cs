using TrendVault.FakeYouTube.Data;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>Made-up flags (not the real ones) so the demo has a picture per region without external assets.</summary>
internal static class FlagSvg
{
    private static readonly string[] Palette =
        ["#c8102e", "#012169", "#ffffff", "#009b3a", "#fedf00", "#000000", "#ff9933", "#0055a4", "#00843d", "#6cace4", "#8d1b3d"];

    public static string Render(string code)
    {
        var rng = StableRandom.For("flag:" + code);
        var colours = Palette.ToArray();
        rng.Shuffle(colours);
        var (a, b, c) = (colours[0], colours[1], colours[2]);

        // A 3×3 grid stretched to 60×40: horizontal stripes, vertical stripes, or a centred cross.
        var shapes = rng.Next(3) switch
        {
            0 => $"""<rect width="3" height="1" fill="{a}"/><rect y="1" width="3" height="1" fill="{b}"/><rect y="2" width="3" height="1" fill="{c}"/>""",
            1 => $"""<rect width="1" height="3" fill="{a}"/><rect x="1" width="1" height="3" fill="{b}"/><rect x="2" width="1" height="3" fill="{c}"/>""",
            _ => $"""<rect width="3" height="3" fill="{a}"/><rect x="1" width="1" height="3" fill="{b}"/><rect y="1" width="3" height="1" fill="{b}"/>""",
        };
        return $"""<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40" viewBox="0 0 3 3" preserveAspectRatio="none"><title>{code}</title>{shapes}</svg>""";
    }
}
