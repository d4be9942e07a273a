namespace TrendVault.FakeYouTube.Faults;

/// <summary>Failures the simulated API can be told to answer with (JSON names are the camelCase member names).</summary>
public enum FakeFaultKind
{
    /// <summary>403 youtube.quota/quotaExceeded, byte-for-byte the body Google sends.</summary>
    QuotaExceeded,

    /// <summary>403 youtube.quota/rateLimitExceeded.</summary>
    RateLimitExceeded,

    /// <summary>500 global/backendError.</summary>
    ServerError,

    /// <summary>503 global/backendError.</summary>
    ServiceUnavailable,

    /// <summary>200 with a truncated JSON body.</summary>
    MalformedJson,

    /// <summary>404 youtube.video/videoChartNotFound.</summary>
    ChartNotFound,

    /// <summary>400 usageLimits/keyInvalid.</summary>
    KeyInvalid,

    /// <summary>403 usageLimits/accessNotConfigured.</summary>
    AccessNotConfigured,

    /// <summary>No answer at all until the client gives up: a call that hangs.</summary>
    Hang,
}
