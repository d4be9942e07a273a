using TrendVault.FakeYouTube.Data;
using TrendVault.FakeYouTube.Diagnostics;
using TrendVault.FakeYouTube.Endpoints;
using TrendVault.FakeYouTube.Faults;

namespace TrendVault.FakeYouTube;

/// <summary>Builds the simulated API application; shared by Program (standalone) and <see cref="FakeYouTubeServer"/> (in-process).</summary>
public static class FakeYouTubeApp
{
    /// <param name="builder">A builder whose server addresses the caller has already chosen.</param>
    /// <param name="options">Settings; when null they are read from the builder's "FakeYouTube" configuration section.</param>
    /// <param name="timeProvider">The clock statistics are read at; defaults to <see cref="TimeProvider.System"/>.</param>
    public static WebApplication Build(WebApplicationBuilder builder, FakeYouTubeOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= builder.Configuration.GetSection(FakeYouTubeOptions.SectionName).Get<FakeYouTubeOptions>() ?? new FakeYouTubeOptions();
        var catalog = new FakeCatalog(options.ChartTurnoverPerHour, options.PoolSize, options.ChartPool);
        var faults = new FakeFaults();
        var broken = new FakeBrokenItems();
        var counter = new FakeRequestCounter();
        builder.Services.AddSingleton(options).AddSingleton(catalog).AddSingleton(faults).AddSingleton(broken).AddSingleton(counter);

        var app = builder.Build();
        app.UseApiGate(options, faults, counter);
        app.MapYouTubeApi(catalog, faults, broken, counter, timeProvider ?? TimeProvider.System);
        app.MapControlEndpoints(catalog, faults, broken, counter);
        return app;
    }
}
