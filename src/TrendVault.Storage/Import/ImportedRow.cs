using TrendVault.Model;

namespace TrendVault.Storage.Import;

/// <summary>
/// One row of a public trending dataset: the video as the file describes it and its counts on the day it
/// trended. <paramref name="Line"/> is the file line the row starts on, for reports.
/// </summary>
public sealed record ImportedRow(int Line, VideoMetadata Video, DateTimeOffset Bucket, VideoStatistics Statistics);
