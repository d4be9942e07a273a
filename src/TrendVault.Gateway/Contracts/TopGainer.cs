namespace TrendVault.Gateway.Contracts;

public sealed record TopGainer(string VideoId, string Title, long Gained, long FromValue, long ToValue);
