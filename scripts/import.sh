#!/usr/bin/env bash
# Imports public YouTube trending datasets (the Kaggle CSV files, all three layouts) as history.
#   scripts/import.sh [--region CC] FILE...
# Uses the same database settings as scripts/run.sh: DB_* / ConnectionStrings__Postgres (or .env), else the
# local PostgreSQL that scripts/run.sh runs (started here for the import when it is not running, then stopped).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# File arguments are relative to where the command was typed.
files=()
for arg in "$@"; do
  if [ -f "$arg" ]; then files+=("$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")"); else files+=("$arg"); fi
done
cd "$root"

if [ -f .env ]; then
  set -a; . ./.env; set +a
fi

state=${TRENDVAULT_LOCAL_DIR:-"$root/.local"}
mkdir -p "$state/logs"
started_pg=""
if [ -z "${DB_HOST:-}" ] && [ -z "${ConnectionStrings__Postgres:-}" ]; then
  pgdata="$state/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$state"; then
    pgdata="/var/tmp/trendvault-pg"
  fi
  export DB_HOST=127.0.0.1 DB_PORT=${DB_PORT:-55432} DB_USER=postgres DB_NAME=${DB_NAME:-trendvault}
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$DB_PORT") 2>/dev/null; then
    scripts/postgres.sh start "$pgdata" "$DB_PORT" >/dev/null
    started_pg="$pgdata"
    trap 'scripts/postgres.sh stop "$started_pg"' EXIT
  fi
fi

dotnet build src/TrendVault.Import -c Release -v quiet -nologo >"$state/logs/import-build.log" 2>&1 || { cat "$state/logs/import-build.log"; exit 1; }
dotnet "$root/src/TrendVault.Import/bin/Release/net10.0/TrendVault.Import.dll" ${files[@]+"${files[@]}"}
