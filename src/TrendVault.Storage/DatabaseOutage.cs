using System.Net.Sockets;
using Npgsql;

namespace TrendVault.Storage;

/// <summary>Tells an unreachable or restarting database (wait it out) from a refusal (a bug or bad data).</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } or TimeoutException or SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
