namespace TrendVault;

/// <summary>Bucket arithmetic: buckets are aligned to the Unix epoch in UTC.</summary>
public static class Buckets
{
    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan size)
    {
        var utc = time.ToUniversalTime();
        var offset = (utc - DateTimeOffset.UnixEpoch).Ticks % size.Ticks;
        return utc.AddTicks(-offset);
    }
}
