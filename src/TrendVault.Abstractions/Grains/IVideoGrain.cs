using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>One video (key: 11-character YouTube id); records at most one snapshot per bucket.</summary>
[Alias("TrendVault.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the metadata and the bucket's snapshot; completes when both are committed.
    /// <paramref name="onChart"/> is false for an off-chart refresh, which keeps the tracking window where it was.
    /// </summary>
    [Alias("Record")]
    Task RecordAsync(VideoObservation observation, DateTimeOffset bucket, bool onChart, CancellationToken cancellationToken = default);
}
