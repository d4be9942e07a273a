#!/bin/sh
# Measures the layouts for compacted snapshots compared in docs/benchmarks.md (Realistic year, finding 2)
# on a database that holds a realistic year: `scripts/bench.sh --only realistic --keep` leaves one.
# PSQL says how to reach it, e.g. PSQL="psql -X -q host=127.0.0.1 port=32216 user=postgres dbname=tvbench_realistic_…".
# About 6 minutes; needs python3. The tables it makes (cx_*) are dropped at the end.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-$(mktemp -d)}
psql=${PSQL:-psql -X -q}
cd "$work"
$psql -f "$here/00_sample.sql"            # cx_base: 10% of the videos (by a hash of the id), every compacted day of theirs
$psql -c "\copy (select video_id, to_char(day at time zone 'UTC','YYYY-MM-DD'), views_base, views_off, likes_base, likes_off, comments_base, comments_off from cx_base order by video_id, day) to 'sample.tsv'"
$psql -f "$here/01_day_arrays.sql"        # int4[] per day with toast_tuple_target=128, pglz and lz4, EXTENDED and MAIN
python3 "$here/encode.py" sample.tsv      # every encoding, checked to decode exactly, and the data's smoothness
$psql -f "$here/02_load.sql"              # the encoded layouts as tables with their primary keys, vacuumed
$psql -f "$here/03_measure.sql"           # bytes per snapshot: payload, row and index overhead
$psql -f "$here/04_week_toast_stats.sql"  # how many week rows the toaster compressed
$psql -f "$here/05_sql_random_access.sql" # a single-slot reader in plpgsql, checked against today's rows, and timed
$psql -f "$here/99_cleanup.sql"
echo "Work files in $work"
