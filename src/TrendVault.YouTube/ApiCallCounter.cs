namespace TrendVault.YouTube;

/// <summary>
/// Counts HTTP requests made on behalf of one caller, retries and failed ones included: each
/// costs a quota unit. The client installs the counter for the duration of a call.
/// </summary>
public sealed class ApiCallCounter
{
    private static readonly AsyncLocal<ApiCallCounter?> Ambient = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The counter of the API call running in this async flow, if any.</summary>
    internal static ApiCallCounter? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    internal void Increment() => Interlocked.Increment(ref _count);
}
