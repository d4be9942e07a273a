using TrendVault.Model;

namespace TrendVault.Storage.Spool;

/// <summary>
/// A region's chart of one bucket that was fetched but not yet stored: everything the database needs to
/// record it as if it had been written on time (snapshots as seen at <paramref name="FetchedAt"/>, ranks,
/// the API calls it cost, and what its broken items cost).
/// </summary>
public sealed record HeldChart(string Region, DateTimeOffset Bucket, DateTimeOffset FetchedAt, int ApiCalls, IReadOnlyList<HeldEntry> Entries, BrokenItems? Broken = null);
