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
pids=()
started_pg=""

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_pg" ]; then scripts/postgres.sh stop "$started_pg"; fi
  echo "Stopped."
  exit 0
}
trap stop_all INT TERM EXIT

echo "Building (Release)..."
dotnet build TrendVault.sln -c Release -v quiet -nologo >"$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }
bin() { echo "$root/src/$1/bin/Release/net10.0/$1.dll"; }
# Each process runs from its own folder, so its appsettings.json (log levels) applies.
run_app() { local dll; dll=$(bin "$1"); (cd "$(dirname "$dll")" && exec dotnet "$dll"); }

if [ -z "${DB_HOST:-}" ] && [ -z "${ConnectionStrings__Postgres:-}" ]; then
  # The server runs as the postgres user: keep its data where that user can reach it.
  pgdata="$state/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$state"; then
    pgdata="/var/tmp/trendvault-pg"
  fi
  export DB_HOST=127.0.0.1 DB_PORT=${DB_PORT:-55432} DB_USER=postgres DB_NAME=${DB_NAME:-trendvault}
  scripts/postgres.sh start "$pgdata" "$DB_PORT"
  started_pg="$pgdata"
fi

echo "Applying migrations..."
run_app TrendVault.Migrator >"$logs/migrate.log" 2>&1 || { cat "$logs/migrate.log"; exit 1; }

if [ -z "${YOUTUBE_API_KEY:-}" ]; then
  fake_port=${FAKE_YOUTUBE_PORT:-5080}
  echo "YOUTUBE_API_KEY is not set: starting the fake YouTube API on port $fake_port. DATA IS SIMULATED."
  # Charts turn over a few videos per demo bucket, so rank moves and off-chart tracking show up.
  ASPNETCORE_URLS="http://127.0.0.1:$fake_port" FakeYouTube__ChartTurnoverPerHour=${FakeYouTube__ChartTurnoverPerHour:-90} \
    run_app TrendVault.FakeYouTube >"$logs/fake-youtube.log" 2>&1 &
  pids+=($!)
  export YOUTUBE_API_KEY=fake-local-key
  export YOUTUBE_BASE_URL="http://127.0.0.1:$fake_port/youtube/v3/"
  export Catalog__FlagUrlTemplate=${Catalog__FlagUrlTemplate:-"http://127.0.0.1:$fake_port/flags/{code}.svg"}
  # Demo cadence: a new bucket every two minutes so growth shows up quickly.
  export Collection__BucketSize=${Collection__BucketSize:-00:02:00}
  export Collection__TickPeriod=${Collection__TickPeriod:-00:01:00}
fi
export Catalog__StaticRoot=${Catalog__StaticRoot:-"$state/static"}

for i in $(seq 0 $((silos - 1))); do
  Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) \
    run_app TrendVault.Silo >"$logs/silo-$i.log" 2>&1 &
  pids+=($!)
done

gateway_url=${ASPNETCORE_URLS:-http://localhost:8080}
ASPNETCORE_URLS="$gateway_url" run_app TrendVault.Gateway >"$logs/gateway.log" 2>&1 &
pids+=($!)

cat <<INFO

TrendVault is running:
  PostgreSQL   ${DB_HOST}:${DB_PORT:-5432} database ${DB_NAME:-trendvault} (psql -h ${DB_HOST} -p ${DB_PORT:-5432} -U ${DB_USER:-postgres} ${DB_NAME:-trendvault})
  YouTube API  ${YOUTUBE_BASE_URL:-https://www.googleapis.com/youtube/v3/}
  Silos        $silos (silo ports 11111.., gateway ports 30000..)
  Gateway      $gateway_url  (API reference: $gateway_url/scalar, admin: $( [ -n "${TRENDVAULT_ADMIN_TOKEN:-}" ] && echo "enabled" || echo "disabled, set TRENDVAULT_ADMIN_TOKEN"))
  Logs         $logs
Snapshots:     psql ... -c 'SELECT count(*) FROM video_snapshots'
Stop:          Ctrl+C
INFO

wait -n "${pids[@]}" || true
echo "A process exited unexpectedly; see $logs."
exit 1
