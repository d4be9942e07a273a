namespace TrendVault.Model;

[GenerateSerializer, Alias("TrendVault.CollectionOutcome")]
public enum CollectionOutcome
{
    /// <summary>The bucket's snapshots and trending entries were committed by this call.</summary>
    Collected,
    /// <summary>The bucket had already been committed; nothing was fetched or written.</summary>
    AlreadyCollected,
    /// <summary>YouTube has no chart for the region (videoChartNotFound); nothing to collect.</summary>
    NoChart,
    /// <summary>The run failed; the next tick within the bucket tries again.</summary>
    Failed,
    /// <summary>The quota governor refused the API calls (quota spent, or a key/project error); a later tick asks again.</summary>
    Skipped,
    /// <summary>
    /// The chart was fetched but the database could not take it: it is held in the silo's spool and
    /// written, with its ranks, when the database is back. The bucket is not fetched again.
    /// </summary>
    Held,
}
