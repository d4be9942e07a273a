# TrendVault images: one Dockerfile, one final stage per process.
#   docker build --target silo         -t trendvault/silo .
#   docker build --target gateway      -t trendvault/gateway .
#   docker build --target migrate      -t trendvault/migrate .
#   docker build --target fake-youtube -t trendvault/fake-youtube .
# docker-compose.yml builds all four. The final images are aspnet:10.0 (Ubuntu 24.04) plus the
# published app, run as the image's non-root "app" user; no SDK ships in them.

# ---------------------------------------------------------------- build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Set by BuildKit to the image's architecture (amd64, arm64); the silo is compiled ahead of time for it.
# The classic builder leaves it empty: the build machine's own architecture is taken then.
ARG TARGETARCH
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src
# The gateway's build installs its dashboard's front-end packages (uPlot) with npm.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*

# Restore layer: only what restore reads, so it is rebuilt only when packages or references change.
# A new project referenced by one of the apps needs its own line here.
COPY Directory.Build.props Directory.Packages.props global.json ./
COPY src/TrendVault.Abstractions/TrendVault.Abstractions.csproj src/TrendVault.Abstractions/
COPY src/TrendVault.Grains/TrendVault.Grains.csproj             src/TrendVault.Grains/
COPY src/TrendVault.Storage/TrendVault.Storage.csproj           src/TrendVault.Storage/
COPY src/TrendVault.YouTube/TrendVault.YouTube.csproj           src/TrendVault.YouTube/
COPY src/TrendVault.ServiceDefaults/TrendVault.ServiceDefaults.csproj src/TrendVault.ServiceDefaults/
COPY src/TrendVault.Silo/TrendVault.Silo.csproj                 src/TrendVault.Silo/
COPY src/TrendVault.Gateway/TrendVault.Gateway.csproj           src/TrendVault.Gateway/
COPY src/TrendVault.Gateway/ClientApp/package.json src/TrendVault.Gateway/ClientApp/package-lock.json src/TrendVault.Gateway/ClientApp/
COPY src/TrendVault.Migrator/TrendVault.Migrator.csproj         src/TrendVault.Migrator/
COPY src/TrendVault.FakeYouTube/TrendVault.FakeYouTube.csproj   src/TrendVault.FakeYouTube/
# The four apps (and, through them, every library they reference); the test projects are not needed.
RUN for app in Gateway Migrator FakeYouTube; do \
        dotnet restore "src/TrendVault.$app/TrendVault.$app.csproj" -p:UseAppHost=false || exit 1; \
    done
# The silo is published ReadyToRun: precompiled code spares the first collection after a start most
# of its JIT work (docs/benchmarks.md). Restore needs the architecture and the crossgen package.
RUN dotnet restore src/TrendVault.Silo/TrendVault.Silo.csproj -a "${TARGETARCH:-$(dpkg --print-architecture)}" -p:PublishReadyToRun=true -p:UseAppHost=false

# Sources. sql/ is embedded into TrendVault.Storage at build time (the migrator needs no files).
COPY src/ src/
COPY sql/ sql/
RUN dotnet publish src/TrendVault.Silo/TrendVault.Silo.csproj               -c Release --no-restore -p:UseAppHost=false -o /app/silo \
        -a "${TARGETARCH:-$(dpkg --print-architecture)}" -p:PublishReadyToRun=true \
 && dotnet publish src/TrendVault.Gateway/TrendVault.Gateway.csproj         -c Release --no-restore -p:UseAppHost=false -o /app/gateway \
 && dotnet publish src/TrendVault.Migrator/TrendVault.Migrator.csproj       -c Release --no-restore -p:UseAppHost=false -o /app/migrate \
 && dotnet publish src/TrendVault.FakeYouTube/TrendVault.FakeYouTube.csproj -c Release --no-restore -p:UseAppHost=false -o /app/fake-youtube

# ---------------------------------------------------------------- common runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Static files (region flags) written by the silos and served by the gateway. Created here owned by
# the app user, so a fresh named volume mounted on it inherits that owner and stays writable.
ENV Catalog__StaticRoot=/var/lib/trendvault/static Spool__Path=/var/lib/trendvault/spool
RUN mkdir -p /var/lib/trendvault/static /var/lib/trendvault/spool && chown -R "$APP_UID:$APP_UID" /var/lib/trendvault
WORKDIR /app

# ---------------------------------------------------------------- migrate (one-shot; exit code = result)
FROM runtime AS migrate
COPY --from=build /app/migrate .
USER $APP_UID
ENTRYPOINT ["dotnet", "TrendVault.Migrator.dll"]

# ---------------------------------------------------------------- fake-youtube (demo API on :8080)
FROM runtime AS fake-youtube
COPY --from=build /app/fake-youtube .
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "TrendVault.FakeYouTube.dll"]

# ---------------------------------------------------------------- gateway (HTTP on :8080)
FROM runtime AS gateway
COPY --from=build /app/gateway .
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "TrendVault.Gateway.dll"]

# ---------------------------------------------------------------- silo (default target)
FROM runtime AS silo
COPY --from=build /app/silo .
USER $APP_UID
# Silo-to-silo port and client gateway port; other containers reach them on the container's own IP,
# so nothing is published on the host and any number of silos can run side by side.
# Prometheus scrapes GET /metrics on 9464 over the container network.
ENV Metrics__Host=0.0.0.0
EXPOSE 11111 30000 9464
# Orleans must advertise an address the other silos and the gateway can reach. Unless
# Orleans__AdvertisedIP is given, take the container's IP: `hostname -i` resolves the container's
# hostname through the /etc/hosts that Docker writes (the hostname package is part of the Ubuntu
# base image). Refuse to start rather than advertise loopback, which would break a multi-silo cluster.
ENTRYPOINT ["/bin/sh", "-c", "Orleans__AdvertisedIP=\"${Orleans__AdvertisedIP:-$(hostname -i 2>/dev/null | cut -d' ' -f1)}\"; [ -n \"$Orleans__AdvertisedIP\" ] || { echo 'silo: cannot determine the container IP; set Orleans__AdvertisedIP' >&2; exit 1; }; export Orleans__AdvertisedIP; exec dotnet TrendVault.Silo.dll \"$@\"", "silo"]
