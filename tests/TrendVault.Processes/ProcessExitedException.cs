namespace TrendVault.Processes;

/// <summary>A process of the cluster exited when the test did not stop it: waiting any longer is pointless.</summary>
public sealed class ProcessExitedException(string message) : Exception(message);
