#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL, plus the offline docker-compose check and the
# README's first command in a clean clone (scripts/run-test.sh) and the compose stack run for real
# (scripts/compose-test.sh: build, scale, fail over); prints "N passed, N failed" last.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The server runs as the postgres user, so its folder must be reachable by it: use /tmp.
data=$(mktemp -d /tmp/trendvault-test-pg.XXXXXX)
results="$root/TestResults"
port=$(scripts/free-port.sh)
cleanup() {
  scripts/postgres.sh stop "$data/pg"
  rm -rf "$data"
}
trap cleanup EXIT
chmod 755 "$data"

# Browser tests drive Debian's Chromium; Playwright never downloads a browser.
if [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
fi

if ! scripts/postgres.sh start "$data/pg" "$port"; then
  # The folder goes with the cleanup: say why the server did not start while its log still exists.
  tail -n 20 "$data/pg/server.log" >&2 2>/dev/null || true
  echo "0 passed, 1 failed"
  exit 1
fi
export TRENDVAULT_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

rm -rf "$results"
# One test project at a time: the failover tests start real silos with second-scale buckets and
# must not share two cores with the other suites.
dotnet test TrendVault.sln -m:1 --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
# The compose file validated offline, the README's first command run from a clean clone, and the
# compose stack run for real: one check each.
for check in scripts/check-compose.sh scripts/run-test.sh scripts/compose-test.sh; do
  if "$check"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done
# A build failure or a crashed test host leaves no counts: make sure it reads as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
