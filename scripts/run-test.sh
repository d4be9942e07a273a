#!/usr/bin/env bash
# Tests the README's first command the way a newcomer meets it: in a clean clone of HEAD (no .env, no
# settings), `scripts/run.sh` and then, right after, `scripts/run.sh 3` run in a real terminal (tmux).
# Each run must become ready, listen on loopback only, serve the dashboard at / (rendered by headless
# Chromium), answer the API and get snapshots into its PostgreSQL; then a real Ctrl+C must leave no
# process behind, free every port and print "Stopped." within 30 seconds. A third run, stopped with SIGTERM as a service manager
# would, must end the same way.
#   scripts/run-test.sh        exit 0 when everything holds; one line per run, "run-test: OK" last
# run.sh uses fixed ports (8080, 5080, 11111.., 30000.., 9464.., 55432): they must be free before it starts.
# Installs tmux and Chromium with apt when they are missing and we are root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

ready_timeout=600      # clean clone: npm ci, restore and a Release build of the solution come first
snapshot_timeout=240   # demo buckets are 2 minutes; a second run may have to wait for the next one
stop_timeout=30
gateway=http://localhost:8080

say() { echo "run-test: $*"; }
fail() { echo "run-test: FAILED: $*" >&2; exit 1; }

need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || fail "$1 is missing (apt-get install $2)"
  say "installing Debian's $2 package" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >/dev/null 2>&1 || fail "apt-get install $2 failed"
}
need git git
need curl curl
need psql postgresql-client
need ss iproute2
need tmux tmux
need chromium chromium

ports_of() { # ports_of SILOS: every port scripts/run.sh SILOS listens on
  local i
  echo 8080 5080 55432
  for ((i = 0; i < $1; i++)); do echo $((11111 + i)) $((30000 + i)) $((9464 + i)); done
}
busy_ports() { # busy_ports PORT...: those of PORT... something listens on
  local port
  for port in "$@"; do [ -z "$(ss -Htln "sport = :$port")" ] || echo "$port"; done
}
# shellcheck disable=SC2046
busy=$(busy_ports $(ports_of 3))
[ -z "$busy" ] || fail "port(s) $(echo $busy) already in use before the test: scripts/run.sh needs them free (ss -ltnp)"

tmp=$(mktemp -d /tmp/trendvault-run-test.XXXXXX)
# run.sh keeps its PostgreSQL data in the clone when the postgres user can reach it.
chmod 755 "$tmp"
clone="$tmp/clone"
tmux_() { tmux -S "$tmp/tmux.sock" "$@"; }

# Every process that runs from the clone or names it: run.sh, dotnet apps, PostgreSQL, builds.
clone_pids() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" != $$ ] || continue
    if { tr '\0' ' ' <"$dir/cmdline"; } 2>/dev/null | grep -qF "$clone/" || [[ "$(readlink "$dir/cwd" 2>/dev/null)" == "$clone"* ]]; then
      echo "$pid"
    fi
  done
}
describe() { local pid; for pid in "$@"; do echo "  $pid $({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-160)"; done; }

cleanup() {
  local status=$? pids
  if [ -S "$tmp/tmux.sock" ]; then
    # A failed check leaves a run going: stop it the way a user would, then make sure.
    tmux_ send-keys -t run C-c 2>/dev/null || true
    for _ in $(seq 1 150); do [ -z "$(clone_pids)" ] && break; sleep 0.2; done
    tmux_ kill-server 2>/dev/null || true
  fi
  pids=$(clone_pids)
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
  fi
  [ ! -f "$clone/.local/pg/postmaster.pid" ] || "$root/scripts/postgres.sh" stop "$clone/.local/pg"
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

git clone -q --no-checkout "$root" "$clone"
git -C "$clone" checkout -q --detach "$(git -C "$root" rev-parse HEAD)"
[ ! -e "$clone/.env" ] || fail "the clone has a .env"

# A newcomer has none of the project's settings: drop every one the caller may have exported
# (.env names, DB_*, YOUTUBE_*, ASPNETCORE_*, and .NET configuration keys such as Orleans__SiloPort).
unset_settings=""
for name in $(compgen -e); do
  if [[ "$name" =~ ^(DB_|YOUTUBE_|TRENDVAULT_|ASPNETCORE_|FLAG_BASE_URL$|FAKE_YOUTUBE_PORT$|DOTNET_ENVIRONMENT$) || "$name" == *__* ]]; then
    unset_settings+=" -u $name"
  fi
done
# No MSBuild nodes or compiler server outlive the build: what is left after Ctrl+C is then run.sh's.
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

printf 'set-option -g remain-on-exit on\nset-option -g history-limit 20000\n' >"$tmp/tmux.conf"

pane() { tmux_ capture-pane -p -J -S - -t run 2>/dev/null || true; }
# run.sh's exit status, once it has exited (tmux's own pane_dead_status is not always filled in).
pane_exit() { cat "$tmp/exit-status" 2>/dev/null || true; }
pane_dead() { [ -n "$(pane_exit)" ]; }
failed_run() { # failed_run MESSAGE: the run's terminal and the end of its logs, then fail
  echo "--- terminal ---" >&2; pane >&2
  for log in "$clone"/.local/logs/*.log; do
    [ -f "$log" ] && { echo "--- $(basename "$log") (last lines) ---" >&2; tail -n 15 "$log" >&2; }
  done
  fail "$*"
}
snapshot_count() { # snapshot_count SINCE: snapshots of the buckets collected by runs started since SINCE
  psql -h 127.0.0.1 -p 55432 -U postgres -d trendvault -tAq -v since="$1" 2>/dev/null <<'SQL' || echo 0
SELECT count(*) FROM video_snapshots
WHERE bucket IN (SELECT bucket FROM collection_runs WHERE status = 'succeeded' AND started_at >= :'since')
SQL
}
dump_dom() { # dump_dom URL: the page as Chromium rendered it, scripts and API calls done
  local profile; profile=$(mktemp -d "$tmp/chromium.XXXXXX")
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --virtual-time-budget=10000 --dump-dom "$1" 2>"$profile.err" || { cat "$profile.err" >&2; return 1; }
}

check_run() { # check_run SILOS [sigterm]: the full checks, stopped with Ctrl+C; or, with sigterm, ready and / only
  local silos=$1 how=${2:-ctrl-c} exposed since start elapsed ready_s snap_s checks_s build html asset dom count pids dotnets silo_count left busy
  # shellcheck disable=SC2046
  busy=$(busy_ports $(ports_of "$silos"))
  [ -z "$busy" ] || fail "port(s) $(echo $busy) in use before scripts/run.sh $silos"

  start=$SECONDS
  since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  rm -f "$tmp/exit-status"
  # bash, not sh, in front: on Ctrl+C it waits for run.sh (which handles it) and then notes its status.
  tmux_ -f "$tmp/tmux.conf" new-session -d -s run -x 200 -y 50 -c "$clone" \
    "exec bash -c 'env$unset_settings scripts/run.sh $silos; echo \$? >$tmp/exit-status'"

  until curl -fsS -m 5 -o /dev/null "$gateway/health/ready" 2>/dev/null; do
    pane_dead && failed_run "scripts/run.sh $silos exited before the gateway was ready"
    [ $((SECONDS - start)) -lt "$ready_timeout" ] || failed_run "scripts/run.sh $silos not ready within $ready_timeout s"
    sleep 2
  done
  ready_s=$((SECONDS - start))

  # Bare-metal default: everything run.sh starts listens on loopback only.
  # shellcheck disable=SC2046
  exposed=$(for port in $(ports_of "$silos"); do ss -Htln "sport = :$port" | awk '{print $4}'; done | grep -vE '^(127\.0\.0\.1|\[::1\]):' || true)
  [ -z "$exposed" ] || failed_run "listening beyond loopback: $(echo $exposed)"

  # The dashboard: index.html at /, and every script and style sheet it loads.
  html=$(curl -fsS -m 10 "$gateway/") || failed_run "GET / failed: $(curl -s -m 10 -w ' (HTTP %{http_code})' "$gateway/")"
  grep -q '<title>TrendVault</title>' <<<"$html" || failed_run "/ is not the dashboard: $(head -c 300 <<<"$html")"
  for asset in $(grep -oE '(src|href)="[^"#:]+\.(js|css)"' <<<"$html" | sed -E 's/^[a-z]+="//; s/"$//'); do
    [ -n "$(curl -fsS -m 10 "$gateway/$asset")" ] || failed_run "the dashboard's $asset is not served"
  done
  grep -q 'js/app.js' <<<"$html" || failed_run "/ does not load js/app.js"
  [ "$silos" = 1 ] && [ "$how" = ctrl-c ] && check_dotnet_run
  [ "$how" = sigterm ] && { stop_run "$silos" "$how"; say "scripts/run.sh $silos: ready after ${ready_s} s, dashboard served; SIGTERM: all stopped, ports free after ${elapsed} s"; return; }

  # The API, and snapshots arriving in run.sh's own PostgreSQL.
  curl -fsS -m 10 "$gateway/api/regions" | grep -q '"code":"US"' || failed_run "GET /api/regions has no US"
  until [ "$(snapshot_count "$since")" -gt 0 ]; do
    pane_dead && failed_run "scripts/run.sh $silos exited before snapshots arrived"
    [ $((SECONDS - start)) -lt $((ready_s + snapshot_timeout)) ] || failed_run "no snapshots from this run within $snapshot_timeout s of readiness"
    sleep 2
  done
  snap_s=$((SECONDS - start))
  count=$(snapshot_count "$since")
  build=$(sed -n 's/^Time Elapsed \([0-9:]*\).*/\1/p' "$clone/.local/logs/build.log")

  # Every silo joined the one cluster.
  for _ in $(seq 1 60); do
    silo_count=$(curl -fsS -m 15 "$gateway/api/status" | grep -o '"status":"Active"' | wc -l) || silo_count=0
    [ "$silo_count" -eq "$silos" ] && break
    sleep 1
  done
  [ "$silo_count" -eq "$silos" ] || failed_run "/api/status lists $silo_count active silos, not $silos"

  # Rendered by a browser: the region grid, and the status page's silos.
  dom=$(dump_dom "$gateway/#/regions") || failed_run "Chromium could not load the dashboard"
  grep -q 'class="region-card"' <<<"$dom" && grep -q 'data-region="US"' <<<"$dom" ||
    failed_run "the dashboard rendered no region grid: $(head -c 600 <<<"$dom")"
  dom=$(dump_dom "$gateway/#/status") || failed_run "Chromium could not load the status page"
  grep -qE ">$silos silos? in the cluster<" <<<"$dom" || failed_run "the status page does not show $silos silo(s): $(grep -o '[0-9]* silos\? in the cluster' <<<"$dom")"

  checks_s=$((SECONDS - start - snap_s))
  pids=$(clone_pids)
  # shellcheck disable=SC2086
  dotnets=$(describe $pids | grep -c 'dotnet .*TrendVault\.[A-Za-z]*\.dll') || true
  [ "$dotnets" -eq $((silos + 2)) ] || failed_run "expected $((silos + 2)) app processes (fake API, $silos silo(s), gateway), found $dotnets:
$(describe $pids)"

  stop_run "$silos" "$how"
  say "scripts/run.sh $silos: build $build, ready after ${ready_s} s, first snapshots after ${snap_s} s ($count by now); dashboard rendered, $silos silo(s) active (checks ${checks_s} s); Ctrl+C: all stopped, ports free after ${elapsed} s"
}

# The dashboard is served at / when the gateway is started with `dotnet run` from the source tree too,
# beside run.sh's own gateway and against its PostgreSQL and cluster.
check_dotnet_run() {
  local url=http://127.0.0.1:8081 pgid html ok=""
  [ -z "$(busy_ports 8081)" ] || failed_run "port 8081 is in use: the dotnet run check needs it"
  (cd "$clone" && exec setsid env$unset_settings DB_HOST=127.0.0.1 DB_PORT=55432 DB_USER=postgres DB_NAME=trendvault \
    dotnet run --no-build -c Release --project src/TrendVault.Gateway --urls "$url" >"$tmp/dotnet-run.log" 2>&1) &
  pgid=$!
  for _ in $(seq 1 60); do
    curl -fsS -m 5 -o /dev/null "$url/health/live" 2>/dev/null && { ok=1; break; }
    sleep 1
  done
  html=$(curl -fsS -m 10 "$url/" 2>/dev/null) || html=""
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  [ -n "$ok" ] || { tail -n 20 "$tmp/dotnet-run.log" >&2; failed_run "the gateway under dotnet run did not start"; }
  grep -q '<title>TrendVault</title>' <<<"$html" || failed_run "under dotnet run, / is not the dashboard: $(head -c 300 <<<"$html")"
  say "dotnet run --project src/TrendVault.Gateway: / is the dashboard"
}

stop_run() { # stop_run SILOS ctrl-c|sigterm: stop run.sh that way; within 30 s nothing may be left. Sets elapsed.
  local silos=$1 how=$2 start left busy
  if [ "$how" = sigterm ]; then
    # run.sh is the child of the pane's shell (env execs it).
    kill -TERM "$(pgrep -P "$(tmux_ display-message -p -t run '#{pane_pid}')")" || failed_run "run.sh's process not found"
  else
    tmux_ send-keys -t run C-c
  fi
  start=$SECONDS
  while :; do
    left=$(clone_pids)
    # shellcheck disable=SC2046
    busy=$(busy_ports $(ports_of "$silos"))
    [ -z "$left" ] && [ -z "$busy" ] && pane_dead && break
    [ $((SECONDS - start)) -lt "$stop_timeout" ] ||
      failed_run "$stop_timeout s after $how: processes left:
$(describe $left)
ports still in use: $(echo $busy)"
    sleep 0.5
  done
  elapsed=$((SECONDS - start))
  pane | grep -qx 'Stopped\.' || failed_run "scripts/run.sh $silos did not print \"Stopped.\" after $how"
  [ "$(pane_exit)" = 0 ] || failed_run "scripts/run.sh $silos ended with $(pane_exit) after $how, not 0"
  tmux_ kill-server
}

check_run 1
# Right after: the same clone, its PostgreSQL data kept, the ports just freed.
check_run 3
check_run 1 sigterm
say "OK"
