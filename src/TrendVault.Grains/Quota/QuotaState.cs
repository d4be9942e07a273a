namespace TrendVault.Grains.Quota;

/// <summary>Units spent in the current quota day, persisted so a restart does not forget them.</summary>
[GenerateSerializer, Alias("TrendVault.QuotaState")]
public sealed class QuotaState
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public int UnitsUsed { get; set; }

    [Id(2)] public DateTimeOffset? ExhaustedUntil { get; set; }

    [Id(3)] public string? ConfigurationError { get; set; }

    /// <summary>When the last call was let through despite a configuration error (one probe per tick).</summary>
    [Id(4)] public DateTimeOffset? LastProbeAt { get; set; }

    [Id(5)] public int RefreshUnitsSkipped { get; set; }
}
