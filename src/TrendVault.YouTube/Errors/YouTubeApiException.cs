using System.Net;

namespace TrendVault.YouTube.Errors;

/// <summary>A failed YouTube API call, classified so grains can decide to retry, wait or give up.</summary>
public sealed class YouTubeApiException : Exception
{
    public YouTubeApiException(YouTubeErrorKind kind, HttpStatusCode? status, string? reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Status = status;
        Reason = reason;
    }

    public YouTubeErrorKind Kind { get; }

    public HttpStatusCode? Status { get; }

    /// <summary>The API's own reason code (errors[0].reason), when the body had one.</summary>
    public string? Reason { get; }

    /// <summary>Needs an operator: retrying cannot help until the key or project changes.</summary>
    public bool IsConfigurationError => Kind is YouTubeErrorKind.InvalidKey or YouTubeErrorKind.AccessNotConfigured;
}
