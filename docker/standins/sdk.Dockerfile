# Stand-in for mcr.microsoft.com/dotnet/sdk:10.0 where no registry is reachable: the aspnet stand-in's
# packages plus the build machine's whole .NET SDK. ca/ holds the build machine's local CA
# certificates (Debian's /usr/local/share/ca-certificates), so that restore and apt inside the build
# stage trust a TLS-inspecting egress. Only this build-time image gets them; the runtime images never do.
FROM trendvault-standin/bookworm:minbase
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libicu72 libssl3 zlib1g tzdata libgcc-s1 libstdc++6 \
 && rm -rf /var/lib/apt/lists/*
COPY ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
COPY dotnet/ /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
# Certificate revocation lists are not reachable through such an egress either.
ENV NUGET_CERT_REVOCATION_MODE=offline \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_USE_POLLING_FILE_WATCHER=true
