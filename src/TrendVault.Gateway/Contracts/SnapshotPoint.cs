namespace TrendVault.Gateway.Contracts;

public sealed record SnapshotPoint(DateTimeOffset CapturedAt, long Views, long? Likes, long? Comments);
