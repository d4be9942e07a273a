using TrendVault.Model;
using TrendVault.YouTube.Errors;

namespace TrendVault.Grains.Quota;

/// <summary>What failed API work tells the quota governor: its units, and whether it hit the quota or a key/project error.</summary>
public static class FailedCallUsage
{
    public static QuotaUsage From(int units, Exception exception)
    {
        var api = exception as YouTubeApiException;
        return new QuotaUsage(units, Succeeded: false,
            QuotaExceeded: api?.Kind == YouTubeErrorKind.QuotaExceeded,
            ConfigurationError: api?.IsConfigurationError == true ? api.Message : null);
    }
}
