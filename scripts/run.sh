#!/usr/bin/env bash
# Runs TrendVault locally: PostgreSQL (unless DB_* / ConnectionStrings__Postgres are set),
# migrations, the fake YouTube API (unless YOUTUBE_API_KEY is set), N silos and the REST gateway.
#   scripts/run.sh [SILOS]     default 1; Ctrl+C stops everything it started
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

silos=${1:-1}
[[ "$silos" =~ ^[1-9][0-9]?$ ]] || { echo "usage: $0 [number of silos, 1-99]" >&2; exit 2; }

if [ -f .env ]; then
  set -a; . ./.env; set +a
fi

state=${TRENDVAULT_LOCAL_DIR:-"$root/.local"}
logs="$state/logs"
mkdir -p "$logs"
names=()       # what each started app is called in messages
pids=()        # the apps' own dotnet processes (not wrapper shells), in start order
ports=()       # every port the apps and PostgreSQL listen on
started_pg=""
# How long an app may take to stop after SIGTERM before it is killed.
stop_grace=20

# A process that has exited but is not yet reaped (state Z) no longer counts.
alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${state:0:1}" != Z ]; }
port_busy() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Stops every app (SIGTERM, then SIGKILL after $stop_grace seconds), then PostgreSQL, which the silos
# need while they leave the cluster; says "Stopped." only once nothing is left and the ports are free.
stop_all() {
  local status=${1:-$?} pid i deadline busy
  # Ctrl+C in a terminal reaches the apps too, SIGTERM or a closed terminal only this script: it
  # stops them itself. Further signals while stopping are ignored rather than cutting the stop short.
  trap '' INT TERM HUP
  trap - EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + stop_grace))
  for i in "${!pids[@]}"; do
    while alive "${pids[$i]}" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if alive "${pids[$i]}"; then
      echo "${names[$i]} (pid ${pids[$i]}) did not stop within ${stop_grace} s: killing it"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_pg" ]; then scripts/postgres.sh stop "$started_pg"; fi
  deadline=$((SECONDS + 10))
  while :; do
    busy=()
    for i in "${ports[@]}"; do port_busy "$i" && busy+=("$i"); done
    [ "${#busy[@]}" -eq 0 ] || [ "$SECONDS" -ge "$deadline" ] && break
    sleep 0.2
  done
  if [ "${#busy[@]}" -gt 0 ]; then
    echo "Stopped what it started, but ports ${busy[*]} are still in use." >&2
    exit 1
  fi
  echo "Stopped."
  exit "$status"
}
trap 'stop_all 0' INT TERM HUP
trap 'stop_all' EXIT

fake_port=${FAKE_YOUTUBE_PORT:-5080}
gateway_url=${ASPNETCORE_URLS:-http://localhost:8080}
# The ports are fixed: refuse to start (before the long build) rather than fail halfway.
app_ports=()
[ -n "${YOUTUBE_API_KEY:-}" ] || app_ports+=("$fake_port")
for i in $(seq 0 $((silos - 1))); do app_ports+=($((11111 + i)) $((30000 + i)) $((9464 + i))); done
for url in ${gateway_url//;/ }; do
  port=${url##*:}; port=${port%%/*}
  [[ "$port" =~ ^[0-9]+$ ]] && app_ports+=("$port")
done
for port in "${app_ports[@]}"; do
  if port_busy "$port"; then
    echo "Port $port is already in use (another scripts/run.sh still running? see: ss -ltnp 'sport = :$port')." >&2
    trap - EXIT
    exit 1
  fi
done

echo "Building (Release)..."
dotnet build TrendVault.sln -c Release -v quiet -nologo >"$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }
bin() { echo "$root/src/$1/bin/Release/net10.0/$1.dll"; }
# start_app NAME PROJECT LOG: starts PROJECT's dll in the background from its own folder (so its
# appsettings.json applies) and records the dotnet process itself: exec replaces the subshell.
start_app() {
  local dll; dll=$(bin "$2")
  (cd "$(dirname "$dll")" && exec dotnet "$dll") >"$3" 2>&1 &
  names+=("$1")
  pids+=($!)
}

if [ -z "${DB_HOST:-}" ] && [ -z "${ConnectionStrings__Postgres:-}" ]; then
  # The server runs as the postgres user: keep its data where that user can reach it.
  pgdata="$state/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$state"; then
    pgdata="/var/tmp/trendvault-pg"
  fi
  export DB_HOST=127.0.0.1 DB_PORT=${DB_PORT:-55432} DB_USER=postgres DB_NAME=${DB_NAME:-trendvault}
  started_pg="$pgdata"
  ports+=("$DB_PORT")
  scripts/postgres.sh start "$pgdata" "$DB_PORT"
fi

echo "Applying migrations..."
migrator=$(bin TrendVault.Migrator)
(cd "$(dirname "$migrator")" && exec dotnet "$migrator") >"$logs/migrate.log" 2>&1 || { cat "$logs/migrate.log"; exit 1; }

if [ -z "${YOUTUBE_API_KEY:-}" ]; then
  echo "YOUTUBE_API_KEY is not set: starting the fake YouTube API on port $fake_port. DATA IS SIMULATED."
  # Charts turn over a few videos per demo bucket, so rank moves and off-chart tracking show up.
  ASPNETCORE_URLS="http://127.0.0.1:$fake_port" FakeYouTube__ChartTurnoverPerHour=${FakeYouTube__ChartTurnoverPerHour:-90} \
    start_app fake-youtube TrendVault.FakeYouTube "$logs/fake-youtube.log"
  export YOUTUBE_API_KEY=fake-local-key
  export YOUTUBE_BASE_URL="http://127.0.0.1:$fake_port/youtube/v3/"
  export Catalog__FlagUrlTemplate=${Catalog__FlagUrlTemplate:-"http://127.0.0.1:$fake_port/flags/{code}.svg"}
  # Demo cadence: a new bucket every two minutes so growth shows up quickly.
  export Collection__BucketSize=${Collection__BucketSize:-00:02:00}
  export Collection__TickPeriod=${Collection__TickPeriod:-00:01:00}
fi
export Catalog__StaticRoot=${Catalog__StaticRoot:-"$state/static"}
# Charts fetched while PostgreSQL is away wait here, across restarts (README: Operations).
export Spool__Path=${Spool__Path:-"$state/spool"}
# The silos' start-up check of the connection budget counts this many of them.
export Database__ExpectedSilos=${Database__ExpectedSilos:-$silos}

for i in $(seq 0 $((silos - 1))); do
  Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) Metrics__Port=$((9464 + i)) \
    start_app "silo-$i" TrendVault.Silo "$logs/silo-$i.log"
done

ASPNETCORE_URLS="$gateway_url" start_app gateway TrendVault.Gateway "$logs/gateway.log"
ports+=("${app_ports[@]}")

cat <<INFO

TrendVault is running:
  PostgreSQL   ${DB_HOST}:${DB_PORT:-5432} database ${DB_NAME:-trendvault} (psql -h ${DB_HOST} -p ${DB_PORT:-5432} -U ${DB_USER:-postgres} ${DB_NAME:-trendvault})
  YouTube API  ${YOUTUBE_BASE_URL:-https://www.googleapis.com/youtube/v3/}
  Silos        $silos (silo ports 11111.., gateway ports 30000.., metrics http://127.0.0.1:9464/metrics..)
  Gateway      $gateway_url  (dashboard at /, API reference: $gateway_url/scalar, admin: $( [ -n "${TRENDVAULT_ADMIN_TOKEN:-}" ] && echo "enabled" || echo "disabled, set TRENDVAULT_ADMIN_TOKEN"))
  Logs         $logs
Snapshots:     psql ... -c 'SELECT count(*) FROM video_snapshots'
Stop:          Ctrl+C
INFO

# Returns when an app exits, or at once when a signal arrives (its trap then stops everything).
wait -n "${pids[@]}" || true
for i in "${!pids[@]}"; do
  alive "${pids[$i]}" || echo "${names[$i]} exited unexpectedly; see $logs/${names[$i]}.log."
done
exit 1
