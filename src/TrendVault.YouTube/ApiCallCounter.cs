namespace TrendVault.YouTube;

/// <summary>Counts API calls made on behalf of one caller, failed ones included (each costs quota).</summary>
public sealed class ApiCallCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
