#!/usr/bin/env bash
# Throwaway PostgreSQL 15 on loopback for the local run and the tests.
#   scripts/postgres.sh start DATA_DIR PORT   initialise DATA_DIR if empty, start, wait until ready
#   scripts/postgres.sh stop DATA_DIR
# Connect as user "postgres" (trust auth) on 127.0.0.1:PORT.
set -euo pipefail

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
  # Debian's package creates and starts a cluster of its own; we only want the binaries.
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  service postgresql stop >/dev/null 2>&1 || true
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  echo "PostgreSQL installation failed" >&2
  exit 1
}

# initdb refuses root: as root, run the server as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:-}
data=${2:-}
[ -n "$cmd" ] && [ -n "$data" ] || { echo "usage: $0 start DATA_DIR PORT | stop DATA_DIR" >&2; exit 2; }
bin=$(pg_bin)

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data"; fi
    chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_pg "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
    fi
    if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "PostgreSQL already running in $data"
      exit 0
    fi
    # fsync off: these servers hold test and demo data only.
    as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "PostgreSQL started on 127.0.0.1:$port (data $data)"
    ;;
  stop)
    if [ -f "$data/PG_VERSION" ]; then
      as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start DATA_DIR PORT | stop DATA_DIR" >&2
    exit 2
    ;;
esac
