namespace TrendVault.Grains.Hosting;

/// <summary>Whether this silo's start-up work is done: the catalog loaded, the configured regions active, trackers, compaction and retention scheduled.</summary>
public sealed class StartupProgress
{
    private volatile bool _completed;

    public bool Completed => _completed;

    public void Complete() => _completed = true;
}
