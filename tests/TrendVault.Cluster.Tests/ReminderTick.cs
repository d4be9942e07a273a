namespace TrendVault.Cluster.Tests;

/// <summary>A region grain receiving its reminder tick, on the named silo.</summary>
public sealed record ReminderTick(DateTimeOffset At, string Region, string Silo);
