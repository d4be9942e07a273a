#!/usr/bin/env bash
# Runs the compose stack for real and fails over in it (scripts/test.sh calls it as one check):
#   build the images, `docker-compose --profile demo up -d --scale silo=3` with 2-minute buckets,
#   wait for /health/ready, see snapshots arrive, SIGKILL one silo container, see the next bucket
#   collected and /api/status list the live silos, every silo container healthy, scale to 10 (pools of 8, the README's rule for ten
#   silos), then `down -v`. PostgreSQL's log must hold no "too many clients" refusal, and no process may connect as the database superuser.
# Needs root. Installs docker.io, docker-compose and debootstrap with apt when missing; uses the
# Docker daemon at DOCKER_HOST or the default socket, otherwise starts its own (data root and socket
# under TRENDVAULT_DOCKER_CACHE, default /var/tmp/trendvault-docker) and stops it afterwards. Base
# images that cannot be pulled are replaced by local stand-ins (docker/standins/build.sh). The daemon's
# data root is kept as a cache of images and build layers for the next run on the same machine.
# The gateway is published on loopback only; everything else stays on the project's own network.
# TRENDVAULT_BUILD_LOCK=FILE runs the image builds under `flock FILE`. Prints each phase's duration.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cache=${TRENDVAULT_DOCKER_CACHE:-/var/tmp/trendvault-docker}
regions=US,GB,DE,JP

log() { echo "compose-test: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

started=$(date +%s)
phase_name=""
phase_start=$started
timings=()
phase() { # phase NAME: closes the running phase, starts the next
  local now; now=$(date +%s)
  [ -z "$phase_name" ] || timings+=("$(printf '%-28s %4ds' "$phase_name" $((now - phase_start)))")
  phase_name=$1; phase_start=$now
  [ -z "$1" ] || log "$1"
}

tmp=$(mktemp -d /tmp/trendvault-compose-test.XXXXXX)
project=tvct$$
own_daemon=""
compose_up=""
cleanup() {
  local status=$?
  if [ -n "$compose_up" ]; then
    phase "down -v"
    if [ "$status" -ne 0 ]; then
      compose ps >&2 || true
      compose logs --no-color --tail=40 >"$tmp/failure.log" 2>&1 || true
      tail -n 120 "$tmp/failure.log" >&2 || true
    fi
    compose down -v --remove-orphans >/dev/null 2>&1 || log "docker-compose down failed"
  fi
  if [ -n "$own_daemon" ]; then
    phase "stop dockerd"
    kill "$own_daemon" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$own_daemon" 2>/dev/null || break; sleep 1; done
  fi
  phase ""
  rm -rf "$tmp"
  log "phases:"
  printf '  %s\n' "${timings[@]}" >&2
  log "total $(( $(date +%s) - started ))s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# ------------------------------------------------------------------ tools
phase "tools"
[ "$(id -u)" = 0 ] || fail "needs root (dockerd, apt-get)"
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >"$tmp/apt.log" 2>&1 \
    || { apt-get update -qq >>"$tmp/apt.log" 2>&1 && apt-get install -y -qq "${missing[@]}" >>"$tmp/apt.log" 2>&1; } \
    || { tail -n 20 "$tmp/apt.log" >&2; fail "apt-get install ${missing[*]} failed"; }
fi

# ------------------------------------------------------------------ daemon
phase "docker daemon"
if ! docker info >/dev/null 2>&1; then
  export DOCKER_HOST=unix://$cache/run/docker.sock
  if ! docker info >/dev/null 2>&1; then
    mkdir -p "$cache/run"
    dockerd --data-root "$cache/data" --exec-root "$cache/run/exec" --host "$DOCKER_HOST" \
      --pidfile "$cache/run/dockerd.pid" >"$cache/run/dockerd.log" 2>&1 &
    own_daemon=$!
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; kill -0 "$own_daemon" 2>/dev/null || break; sleep 1; done
    docker info >/dev/null 2>&1 || { tail -n 20 "$cache/run/dockerd.log" >&2; fail "dockerd did not start"; }
    log "started dockerd (pid $own_daemon) on $DOCKER_HOST"
  fi
fi
log "Docker $(docker version --format '{{.Server.Version}}') at ${DOCKER_HOST:-the default socket}"

# A run killed before its cleanup leaves its stack behind, and `restart: unless-stopped` starts it again
# with the daemon: its eleven containers would compete with this run for the cores. A stack counts as left
# behind when its run's pid is gone and its newest container is over two hours old: no run lasts that long,
# and a run in another PID namespace sharing this daemon may reuse or hide the pid.
for stale in $(docker ps -a --format '{{.Label "com.docker.compose.project"}}' | grep -E '^tvct[0-9]+$' | sort -u); do
  kill -0 "${stale#tvct}" 2>/dev/null && continue
  containers=$(docker ps -aq --filter "label=com.docker.compose.project=$stale")
  newest=$(echo "$containers" | xargs -r docker inspect -f '{{.Created}}' | sort | tail -n 1)
  [ -n "$newest" ] && [ $(( $(date +%s) - $(date -d "$newest" +%s) )) -gt 7200 ] || continue
  log "removing the stack $stale that a killed run left (newest container created $newest)"
  echo "$containers" | xargs -r docker rm -f >/dev/null
  docker volume ls -q --filter "label=com.docker.compose.project=$stale" | xargs -r docker volume rm >/dev/null \
    || log "some volumes of $stale could not be removed"
  docker network ls -q --filter "label=com.docker.compose.project=$stale" | xargs -r docker network rm >/dev/null \
    || log "the network of $stale could not be removed"
done

compose() {
  env -i PATH="$PATH" HOME="${HOME:-/root}" LANG=C.UTF-8 ${DOCKER_HOST:+DOCKER_HOST="$DOCKER_HOST"} \
    docker-compose --project-directory "$root" -f "$root/docker-compose.yml" -p "$project" \
    --env-file "$tmp/test.env" --profile demo "$@"
}

# ------------------------------------------------------------------ base images
phase "base images"
standins=()
for image in postgres:15 mcr.microsoft.com/dotnet/sdk:10.0 mcr.microsoft.com/dotnet/aspnet:10.0; do
  docker image inspect "$image" >/dev/null 2>&1 && continue
  timeout 300 docker pull -q "$image" >/dev/null 2>&1 || standins+=("$image")
done
if [ ${#standins[@]} -gt 0 ]; then
  log "not pullable, building stand-ins: ${standins[*]}"
  TRENDVAULT_DOCKER_CACHE=$cache docker/standins/build.sh "${standins[@]}" 2>&1 | { grep -v -i -E 'deprecated|buildx|BuildKit' >&2 || true; }
fi

# ------------------------------------------------------------------ settings
port=$(scripts/free-port.sh)
secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
cat >"$tmp/test.env" <<ENV
POSTGRES_PASSWORD=$(secret)
DB_PASSWORD=$(secret)
DB_SILO_PASSWORD=$(secret)
DB_GATEWAY_PASSWORD=$(secret)
YOUTUBE_API_KEY=compose-test
YOUTUBE_BASE_URL=http://fake-youtube:8080/youtube/v3/
FLAG_BASE_URL=http://fake-youtube:8080/flags/
GATEWAY_PUBLISH=127.0.0.1:$port
Collection__Regions=$regions
Collection__MaxPages=2
Collection__BucketSize=00:02:00
Collection__TickPeriod=00:01:00
Quota__DailyUnits=1000000
# Ten silos on the default server: 10 × 8 + 10 + 2 = 92 ≤ 100 − 3 (README, Connections).
Database__SiloPoolSize=8
Database__ExpectedSilos=10
ENV
base=http://127.0.0.1:$port

# ------------------------------------------------------------------ build
if [ -n "${TRENDVAULT_BUILD_LOCK:-}" ]; then
  phase "wait for the build lock"
  exec {lock_fd}>>"$TRENDVAULT_BUILD_LOCK"
  flock "$lock_fd"
fi
phase "build images"
compose build -q >"$tmp/build.log" 2>&1 || { tail -n 60 "$tmp/build.log" >&2; fail "docker-compose build failed"; }
if [ -n "${lock_fd:-}" ]; then
  exec {lock_fd}>&-
fi

# ------------------------------------------------------------------ up
phase "up --scale silo=3"
compose_up=1
compose up -d --scale silo=3 >"$tmp/up.log" 2>&1 || { cat "$tmp/up.log" >&2; fail "docker-compose up failed"; }

psql_value() { compose exec -T postgres psql -U postgres -d trendvault -tAq -c "$1" 2>/dev/null | tr -d '[:space:]'; }
# until SECONDS DESCRIPTION COMMAND...: polls every 3 s
until_true() {
  local deadline=$(( $(date +%s) + $1 )) what=$2; shift 2
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "timed out waiting for $what"
    sleep 3
  done
}

phase "wait /health/ready"
ready() { curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; }
until_true 300 "/health/ready" ready

phase "dashboard from the image"
# The published gateway serves the dashboard at / with its scripts and the vendored chart library.
curl -fsS "$base/" | grep -q '<title>TrendVault</title>' || fail "/ is not the dashboard"
for asset in js/app.js lib/uPlot.iife.min.js; do
  [ -n "$(curl -fsS "$base/$asset")" ] || fail "the image does not serve $asset"
done

phase "first snapshots"
snapshots() { [ "$(psql_value 'SELECT count(*) FROM video_snapshots')" -gt 0 ] 2>/dev/null; }
until_true 300 "snapshots in video_snapshots" snapshots
log "$(psql_value 'SELECT count(*) FROM video_snapshots') snapshots stored"

region_count=$(tr ',' '\n' <<<"$regions" | wc -l)
silo_containers() { docker ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=silo"; }
active_silos() { curl -fsS "$base/api/status" | jq -r '[.silos[] | select(.status == "Active")] | length'; }
silos_listed() { # silos_listed N: /api/status lists exactly the N running silo containers as active
  local running; running=$(silo_containers | wc -l)
  [ "$running" -eq "$1" ] && [ "$(active_silos 2>/dev/null)" = "$running" ] || return 1
  local ip
  for ip in $(silo_containers | xargs docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}'); do
    curl -fsS "$base/api/status" | jq -e --arg ip "$ip" '[.silos[] | select(.status == "Active" and (.address | contains($ip + ":")))] | length == 1' >/dev/null || return 1
  done
}
until_true 180 "3 active silos in /api/status" silos_listed 3
# silos_healthy N: Docker's healthcheck (the silo's /health/ready) passes in each of the N running silo containers
silos_healthy() { [ "$(silo_containers | xargs docker inspect -f '{{.State.Health.Status}}' | grep -cx healthy)" -eq "$1" ]; }
until_true 180 "3 healthy silo containers" silos_healthy 3

phase "kill one silo"
victim=$(silo_containers | head -n 1)
victim_ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$victim")
docker update --restart=no "$victim" >/dev/null
docker kill "$victim" >/dev/null
killed_at=$(psql_value "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')")
log "killed silo $victim_ip at $killed_at UTC"

phase "next bucket after the kill"
# A bucket that began after the kill, collected for every region by the silos left.
next_bucket() { # next_bucket SINCE: the first bucket that began after SINCE is collected in every region
  [ "$(psql_value "SELECT count(*) FROM collection_runs WHERE status = 'succeeded' AND bucket >= '$1+00'
      AND bucket = (SELECT min(bucket) FROM collection_runs WHERE bucket >= '$1+00')")" = "$region_count" ] 2>/dev/null
}
until_true 420 "the first bucket after the kill to be collected in all $region_count regions" next_bucket "$killed_at"
log "bucket $(psql_value "SELECT min(bucket) FROM collection_runs WHERE bucket >= '$killed_at+00'") collected in $region_count regions"

phase "status lists the live silos"
until_true 180 "/api/status to list the 2 live silos and not $victim_ip" silos_listed 2
curl -fsS "$base/api/status" | jq -e --arg ip "$victim_ip" '[.silos[] | select(.status == "Active" and (.address | contains($ip + ":")))] | length == 0' >/dev/null \
  || fail "/api/status still lists the killed silo $victim_ip as active"

phase "scale to 10"
docker rm "$victim" >/dev/null
compose up -d --no-recreate --scale silo=10 >"$tmp/scale.log" 2>&1 || { cat "$tmp/scale.log" >&2; fail "scaling to 10 failed"; }
until_true 420 "10 active silos in /api/status" silos_listed 10
until_true 180 "10 healthy silo containers" silos_healthy 10
scaled_at=$(psql_value "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')")
until_true 420 "the first bucket with 10 silos to be collected in all $region_count regions" next_bucket "$scaled_at"
log "bucket $(psql_value "SELECT min(bucket) FROM collection_runs WHERE bucket >= '$scaled_at+00'") collected by 10 silos"

phase "checks"
refusals=$(compose logs --no-color postgres 2>&1 | grep -c 'too many clients' || true)
[ "$refusals" -eq 0 ] || fail "PostgreSQL refused $refusals connection(s): too many clients"
roles=$(psql_value "SELECT string_agg(DISTINCT usename, ',' ORDER BY usename) FROM pg_stat_activity WHERE client_addr IS NOT NULL")
# Least privilege: nothing connects over the network but the silo and gateway roles. The gateway may hold no
# connection at this instant (its pool closes idle ones), so its role is allowed, not required.
others=$(psql_value "SELECT string_agg(DISTINCT usename, ',') FROM pg_stat_activity WHERE client_addr IS NOT NULL AND usename NOT IN ('trendvault_silo', 'trendvault_gateway')")
[ -z "$others" ] || fail "connections over the network come from roles '$others', not only the silo and gateway roles"
case ",$roles," in *,trendvault_silo,*) ;; *) fail "no silo connection over the network (roles '$roles')" ;; esac
connections=$(psql_value "SELECT count(*) FROM pg_stat_activity WHERE client_addr IS NOT NULL")
budget=$(psql_value "SELECT current_setting('max_connections')")
log "no refusals; $connections connections open (roles $roles), max_connections $budget"
log "OK: 3 silos up, one killed, next bucket collected, status lists the live silos, scaled to 10"
