# Stand-in for mcr.microsoft.com/dotnet/aspnet:10.0 where no registry is reachable: Debian bookworm
# (debootstrap) plus the build machine's .NET runtimes, and what the official image defines (the
# non-root "app" user with uid 1654, APP_UID, ASPNETCORE_HTTP_PORTS). Built by docker/standins/build.sh.
FROM trendvault-standin/bookworm:minbase
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libicu72 libssl3 zlib1g tzdata libgcc-s1 libstdc++6 \
 && rm -rf /var/lib/apt/lists/*
COPY dotnet/ /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --no-create-home --shell /bin/false app
ENV APP_UID=1654 \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
