using System.Globalization;
using System.Text.RegularExpressions;

namespace TrendVault.Gateway.Validation;

/// <summary>
/// Parses raw query and route values. Parameters are bound as strings so that every malformed value
/// gets a precise problem-details message instead of the framework's generic 400.
/// </summary>
public static partial class RequestParsing
{
    private static readonly DateTimeOffset EarliestTime = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestTime = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string? RegionCode(string? value, string parameter, RequestErrors errors, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(parameter, "A region code is required.");
            }
            return null;
        }
        if (TrendVault.RegionCode.TryNormalize(value, out var code))
        {
            return code;
        }
        errors.Add(parameter, $"'{Shorten(value)}' is not a region code: use two letters (ISO 3166-1 alpha-2), e.g. US.");
        return null;
    }

    public static bool IsVideoId(string? value) => value is not null && VideoIdPattern().IsMatch(value);

    public static DateTimeOffset? Timestamp(string? value, string parameter, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            // Far outside any data, and near the type's limits arithmetic on it would overflow.
            if (parsed >= EarliestTime && parsed <= LatestTime)
            {
                return parsed;
            }
            errors.Add(parameter, $"'{Shorten(value)}' is outside the supported range {EarliestTime:yyyy} to {LatestTime:yyyy}.");
            return null;
        }
        errors.Add(parameter, $"'{Shorten(value)}' is not an ISO-8601 date or time, e.g. 2026-11-25T14:00:00Z.");
        return null;
    }

    public static int Integer(string? value, string parameter, int fallback, int min, int max, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }
        errors.Add(parameter, $"'{Shorten(value)}' is not allowed: use a whole number from {min} to {max}.");
        return fallback;
    }

    public static TEnum Choice<TEnum>(string? value, string parameter, TEnum fallback, RequestErrors errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        // Names only: Enum.TryParse would also accept numbers such as "7".
        var match = Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return Enum.Parse<TEnum>(match);
        }
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(name => char.ToLowerInvariant(name[0]) + name[1..]));
        errors.Add(parameter, $"'{Shorten(value)}' is not one of: {allowed}.");
        return fallback;
    }

    /// <summary>A duration such as 90m, 24h or 7d, at most <paramref name="maxDays"/> days.</summary>
    public static TimeSpan Window(string? value, string parameter, TimeSpan fallback, int maxDays, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        var match = WindowPattern().Match(value);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            var window = match.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            if (window <= TimeSpan.FromDays(maxDays))
            {
                return window;
            }
            errors.Add(parameter, $"'{Shorten(value)}' exceeds the {maxDays}-day limit for windows.");
            return fallback;
        }
        errors.Add(parameter, $"'{Shorten(value)}' is not a window: use a positive number with m, h or d (e.g. 24h, 7d), at most {maxDays} days.");
        return fallback;
    }

    /// <summary>Free text for a search: at most 200 characters and no control characters (PostgreSQL rejects NUL).</summary>
    public static string? SearchText(string? value, string parameter, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > 200)
        {
            errors.Add(parameter, "Search text is limited to 200 characters.");
            return null;
        }
        if (value.Any(char.IsControl))
        {
            errors.Add(parameter, "Search text must not contain control characters.");
            return null;
        }
        return value;
    }

    public static void Range(DateTimeOffset? from, DateTimeOffset? to, RequestErrors errors)
    {
        if (from > to)
        {
            errors.Add("from", "'from' must not be after 'to'.");
        }
    }

    // Echoed values are cut short so an oversized parameter does not come back in full.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex VideoIdPattern();

    [GeneratedRegex("^([0-9]{1,6})([mhd])$")]
    private static partial Regex WindowPattern();
}
