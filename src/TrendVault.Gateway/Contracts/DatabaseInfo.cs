namespace TrendVault.Gateway.Contracts;

/// <summary>Whether PostgreSQL answered this status request; <see cref="Error"/> says why not.</summary>
public sealed record DatabaseInfo(bool Reachable, string? Error);
