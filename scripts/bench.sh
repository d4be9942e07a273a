#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md and prints one table of figures.
#   scripts/bench.sh            the issue's sizes (a year of 5,400 videos; ~15 minutes on 2 cores)
#   scripts/bench.sh --smoke    tiny sizes, seconds: checks that the harness works
#   scripts/bench.sh --keep     also keep the PostgreSQL data folder and databases afterwards, to inspect them
#   scripts/bench.sh --only collection   one part alone (year, collection, memory or realistic), to iterate on it
#   scripts/bench.sh --only realistic    issue 12's realistic year (100,000+ videos, 1,000,000 in the catalog) alone
#   scripts/bench.sh --only import       issue 16's dataset import speed alone
# Builds Release, starts a throwaway PostgreSQL; the benchmark itself starts the fake API, silos and
# gateway. Everything it started is stopped on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

args=()
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) args+=(--smoke) ;;
    --keep) keep=1; args+=(--keep) ;;
    --only) [ $# -ge 2 ] || { echo "--only needs year, collection, memory, realistic or import" >&2; exit 2; }; args+=(--only "$2"); shift ;;
    *) echo "usage: $0 [--smoke] [--keep] [--only year|collection|memory|realistic|import]" >&2; exit 2 ;;
  esac
  shift
done

# The load tool: Debian's hey.
if ! command -v hey >/dev/null; then
  echo "Installing the load tool hey (apt)..."
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey) >/dev/null
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey) >/dev/null
  fi
fi

echo "Building (Release)..."
build_log=$(mktemp /tmp/trendvault-bench-build.XXXXXX)
dotnet build bench/TrendVault.Bench/TrendVault.Bench.csproj -c Release -m:1 -v quiet -nologo >"$build_log" 2>&1 || { cat "$build_log"; exit 1; }
rm -f "$build_log"

# The server runs as the postgres user, so its folder must be reachable by it: use /tmp.
data=$(mktemp -d /tmp/trendvault-bench.XXXXXX)
chmod 755 "$data"
port=$(scripts/free-port.sh)
cleanup() {
  status=$?
  scripts/postgres.sh stop "$data/pg"
  if [ -n "$keep" ]; then
    echo "Kept $data (start it again with: scripts/postgres.sh start $data/pg $port)"
  elif [ "$status" -ne 0 ]; then
    rm -rf "$data/pg"
    echo "Failed; the processes' logs are in $data/work"
  else
    rm -rf "$data"
  fi
}
trap cleanup EXIT
scripts/postgres.sh start "$data/pg" "$port"

# The silo as the Dockerfile publishes it (ReadyToRun), so the first cycle after a start is measured as deployed.
echo "Publishing the silo (Release, ReadyToRun)..."
publish_log=$(mktemp /tmp/trendvault-bench-publish.XXXXXX)
dotnet publish src/TrendVault.Silo/TrendVault.Silo.csproj -c Release --use-current-runtime -p:PublishReadyToRun=true -p:UseAppHost=false \
  -o "$data/silo" -v quiet -nologo >"$publish_log" 2>&1 || { cat "$publish_log"; exit 1; }
rm -f "$publish_log"

dotnet bench/TrendVault.Bench/bin/Release/net10.0/TrendVault.Bench.dll \
  --pg "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" --work "$data/work" --silo-dir "$data/silo" "${args[@]}"
