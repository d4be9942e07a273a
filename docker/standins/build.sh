#!/usr/bin/env bash
# Builds local stand-ins for the upstream base images the Dockerfile and docker-compose.yml name,
# for machines that reach Debian's mirror but no image registry:
#   docker/standins/build.sh IMAGE...    IMAGE: postgres:15 | mcr.microsoft.com/dotnet/aspnet:10.0 | mcr.microsoft.com/dotnet/sdk:10.0
# Each is tagged with the upstream name, so nothing else changes. Only call it for an image that
# cannot be pulled (scripts/compose-test.sh does that). Needs root, debootstrap and a Docker daemon
# (DOCKER_HOST is honoured). The Debian root (debootstrap --variant=minbase bookworm, ~1-2 min) is
# kept in TRENDVAULT_DOCKER_CACHE (default /var/tmp/trendvault-docker) for the next run.
# TRENDVAULT_BUILD_LOCK=FILE runs each docker build under `flock FILE` (machines shared by builders).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${TRENDVAULT_DOCKER_CACHE:-/var/tmp/trendvault-docker}
base=trendvault-standin/bookworm:minbase
log() { echo "standins: $*" >&2; }
locked() { if [ -n "${TRENDVAULT_BUILD_LOCK:-}" ]; then flock "$TRENDVAULT_BUILD_LOCK" "$@"; else "$@"; fi; }

[ $# -gt 0 ] || { echo "usage: $0 IMAGE..." >&2; exit 2; }
mkdir -p "$cache"

# The .NET install of this machine: the runtimes for aspnet, everything for sdk.
dotnet_root() {
  local dotnet
  dotnet=$(readlink -f "$(command -v dotnet)") || { log "no dotnet on this machine"; exit 1; }
  dirname "$dotnet"
}

ensure_base() {
  docker image inspect "$base" >/dev/null 2>&1 && return
  local rootfs=$cache/rootfs-bookworm
  if [ ! -f "$rootfs/.complete" ]; then
    command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
    rm -rf "$rootfs"
    log "debootstrap --variant=minbase bookworm (network-bound, ~1-2 min)"
    debootstrap --variant=minbase bookworm "$rootfs" >"$cache/debootstrap.log" 2>&1 \
      || { tail -n 20 "$cache/debootstrap.log" >&2; log "debootstrap failed"; exit 1; }
    touch "$rootfs/.complete"
  fi
  log "importing $base"
  tar -C "$rootfs" --exclude=./.complete -c . | docker import - "$base" >/dev/null
}

# build TAG DOCKERFILE CONTEXT
build() {
  log "building $1"
  locked docker build -q -t "$1" -f "$2" "$3" >/dev/null
}

ensure_base
work=$(mktemp -d "$cache/context.XXXXXX")
trap 'rm -rf "$work"' EXIT
for image in "$@"; do
  context=$work/$(tr -c 'a-z0-9\n' '_' <<<"$image")
  mkdir -p "$context"
  case "$image" in
    postgres:15)
      cp "$here/postgres-entrypoint.sh" "$context/"
      build "$image" "$here/postgres.Dockerfile" "$context"
      ;;
    mcr.microsoft.com/dotnet/aspnet:10.0)
      src=$(dotnet_root)
      mkdir -p "$context/dotnet"
      # Hard links where the cache shares the install's file system, copies otherwise.
      cp -al "$src/dotnet" "$src/host" "$src/shared" "$context/dotnet/" 2>/dev/null \
        || cp -a "$src/dotnet" "$src/host" "$src/shared" "$context/dotnet/"
      build "$image" "$here/aspnet.Dockerfile" "$context"
      ;;
    mcr.microsoft.com/dotnet/sdk:10.0)
      src=$(dotnet_root)
      cp -al "$src" "$context/dotnet" 2>/dev/null || cp -a "$src" "$context/dotnet"
      mkdir -p "$context/ca"
      find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp {} "$context/ca/" \; 2>/dev/null || true
      build "$image" "$here/sdk.Dockerfile" "$context"
      ;;
    *)
      log "no stand-in for $image"; exit 2 ;;
  esac
done
