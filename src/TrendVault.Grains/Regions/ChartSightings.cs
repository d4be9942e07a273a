namespace TrendVault.Grains.Regions;

/// <summary>
/// Per silo: the chart sightings of the current bucket already recorded or on their way. A global hit
/// is on twenty-odd regions' charts each hour; the first region to see it calls its video grain, and
/// the others on this silo wait for that same call instead of queueing their own (which the grain would
/// only answer with "already recorded"). Regions on other silos still call the grain themselves.
/// </summary>
public sealed class ChartSightings
{
    private readonly Lock _lock = new();
    private DateTimeOffset _bucket;
    private Dictionary<string, Task> _recorded = new(StringComparer.Ordinal);

    /// <summary>
    /// The task that records <paramref name="videoId"/>'s sighting in <paramref name="bucket"/>: a running or
    /// committed one when there is one, otherwise <paramref name="record"/>'s. A failed one is retried.
    /// </summary>
    public Task RecordAsync(string videoId, DateTimeOffset bucket, Func<Task> record)
    {
        lock (_lock)
        {
            if (bucket < _bucket)
            {
                return record();
            }
            if (bucket > _bucket)
            {
                // Only the newest bucket is kept: a late region of an older one records on its own.
                _bucket = bucket;
                _recorded = new Dictionary<string, Task>(StringComparer.Ordinal);
            }
            if (_recorded.TryGetValue(videoId, out var shared) && !shared.IsFaulted && !shared.IsCanceled)
            {
                return shared;
            }
            var task = record();
            _recorded[videoId] = task;
            return task;
        }
    }
}
