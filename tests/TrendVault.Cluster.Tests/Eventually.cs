namespace TrendVault.Cluster.Tests;

/// <summary>Polls a condition until it holds or a deadline passes; the failure says what was awaited and what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(string what, TimeSpan timeout, Func<Task<(bool Done, T Value)>> probe, Func<string>? diagnostics = null, TimeSpan? interval = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var pause = interval ?? TimeSpan.FromMilliseconds(200);
        Exception? lastError = null;
        T last = default!;
        while (true)
        {
            try
            {
                var (done, value) = await probe();
                if (done)
                {
                    return value;
                }
                last = value;
                lastError = null;
            }
            catch (Exception exception) when (exception is not (OutOfMemoryException or ProcessExitedException))
            {
                lastError = exception;
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                var message = $"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}. Last seen: {(lastError is null ? Describe(last) : lastError.GetType().Name + ": " + lastError.Message)}";
                if (diagnostics?.Invoke() is { Length: > 0 } extra)
                {
                    message += Environment.NewLine + extra;
                }
                throw new TimeoutException(message);
            }
            await Task.Delay(pause);
        }
    }

    public static Task WaitAsync(string what, TimeSpan timeout, Func<Task<bool>> condition, Func<string>? diagnostics = null, TimeSpan? interval = null) =>
        WaitAsync(what, timeout, async () => (await condition(), false), diagnostics, interval);

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => value.ToString() ?? "",
    };
}
