namespace TrendVault.Gateway.Contracts;

public sealed record CollectResponse(string Region, DateTimeOffset CapturedAt, int Videos, string Outcome);
