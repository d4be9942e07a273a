using Orleans.Configuration;

namespace TrendVault.Silo;

public static class TrendVaultSiloBuilderExtensions
{
    /// <summary>ADO.NET invariant of Npgsql, as the Orleans providers name it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Grain state and reminders on PostgreSQL (the tables of sql/orleans/).</summary>
    public static ISiloBuilder AddTrendVaultPersistence(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>Membership on PostgreSQL, so silos on any host that share the database form one cluster.</summary>
    public static ISiloBuilder AddTrendVaultClustering(this ISiloBuilder silo, string connectionString, SiloHostOptions options)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        var endpoints = SiloEndpoints.From(options);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = endpoints.Advertised;
            o.SiloPort = options.SiloPort;
            o.GatewayPort = options.GatewayPort;
            o.SiloListeningEndpoint = new System.Net.IPEndPoint(endpoints.Listen, options.SiloPort);
            o.GatewayListeningEndpoint = new System.Net.IPEndPoint(endpoints.Listen, options.GatewayPort);
        });
        return silo;
    }
}
