namespace TrendVault.Grains.Retention;

/// <summary>The "Retention" section. Without <see cref="Days"/> everything is kept.</summary>
public sealed class RetentionOptions
{
    /// <summary>Days of snapshots and chart ranks kept; null keeps everything.</summary>
    public int? Days { get; set; }

    /// <summary>Rows per delete statement: small, so no pass holds locks or a transaction for long.</summary>
    public int BatchSize { get; set; } = 5000;

    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);
}
