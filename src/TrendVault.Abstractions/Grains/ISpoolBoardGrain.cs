using TrendVault.Model;

namespace TrendVault.Grains;

/// <summary>
/// The cluster's notice board of held data (single instance, key 0): every silo posts what its spool holds,
/// in memory only, so the gateway can show it while the database is away, exactly when it matters.
/// </summary>
[Alias("TrendVault.ISpoolBoardGrain")]
public interface ISpoolBoardGrain : IGrainWithIntegerKey
{
    [Alias("Post")]
    Task PostAsync(SpoolReport report, CancellationToken cancellationToken = default);

    /// <summary>The latest report of every silo that posted within the last three report periods.</summary>
    [Alias("List")]
    Task<IReadOnlyList<SpoolReport>> ListAsync(CancellationToken cancellationToken = default);
}
