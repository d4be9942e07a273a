using System.Text.RegularExpressions;

namespace TrendVault.Import;

/// <summary>The command line: <c>[--region CC] FILE...</c>. Without --region, each file's region is its name's first two letters.</summary>
public sealed partial record ImportArguments(string? Region, IReadOnlyList<string> Files)
{
    public const string Usage = "usage: scripts/import.sh [--region CC] FILE...   (CC defaults to the file name's two-letter prefix, e.g. USvideos.csv, GB_youtube_trending_data.csv)";

    /// <summary>The arguments, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static ImportArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? region = null;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--region" or "-r")
            {
                if (i + 1 >= args.Count || !RegionPattern().IsMatch(args[i + 1].ToUpperInvariant()))
                {
                    error = "--region needs a two-letter region code, e.g. --region US";
                    return null;
                }
                region = args[++i].ToUpperInvariant();
            }
            else if (args[i].StartsWith('-'))
            {
                error = $"unknown option '{args[i]}'";
                return null;
            }
            else
            {
                files.Add(args[i]);
            }
        }
        error = files.Count == 0 ? "no file given" : null;
        return error is null ? new ImportArguments(region, files) : null;
    }

    /// <summary>The region of <paramref name="file"/>: the one given, else its name's two-letter prefix; null when it has none.</summary>
    public string? RegionOf(string file)
    {
        if (Region is not null)
        {
            return Region;
        }
        // Capitals naming a known region, as the datasets name their files: "data.csv" and "DATA.csv" have none.
        var name = Path.GetFileName(file);
        return name.Length >= 2 && RegionPattern().IsMatch(name[..2]) && IsKnownRegion(name[..2]) ? name[..2] : null;
    }

    private static bool IsKnownRegion(string code)
    {
        try
        {
            _ = new System.Globalization.RegionInfo(code);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionPattern();
}
