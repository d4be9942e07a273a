namespace TrendVault.Processes;

/// <summary>One line a process wrote, stamped when this test process read it.</summary>
public sealed record LogLine(DateTimeOffset At, bool IsError, string Text);
