-- bytes per snapshot: total = pg_total_relation_size (heap+TOAST+PK index); payload = stored size of
-- the value columns (bases + arrays, or the bytea) as pg_column_size reports it (after compression);
-- overhead = total - payload (tuple headers, line pointers, video_id/day/slot_seconds, padding,
-- page free space, TOAST chunk rows/index, PK index).
\set snaps 5622725
CREATE OR REPLACE FUNCTION pg_temp.m(t regclass, snaps bigint, OUT tbl text, OUT rows_ bigint, OUT total_b numeric,
   OUT payload_b numeric, OUT overhead_b numeric, OUT heap_b numeric, OUT toast_b numeric, OUT index_b numeric, OUT compressed text)
LANGUAGE plpgsql AS $f$
DECLARE is_blob bool; pay numeric;
BEGIN
  tbl := t::text;
  SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = 'data') INTO is_blob;
  IF is_blob THEN
    EXECUTE format('SELECT count(*), sum(pg_column_size(data)), string_agg(DISTINCT coalesce(pg_column_compression(data), ''none''), '','') FROM %s', t)
      INTO rows_, pay, compressed;
  ELSE
    EXECUTE format('SELECT count(*), sum(pg_column_size(views_base) + pg_column_size(views_off) + coalesce(pg_column_size(likes_base),0)
        + coalesce(pg_column_size(likes_off),0) + coalesce(pg_column_size(comments_base),0) + coalesce(pg_column_size(comments_off),0)),
        string_agg(DISTINCT coalesce(pg_column_compression(views_off), ''none''), '','') FROM %s', t)
      INTO rows_, pay, compressed;
  END IF;
  total_b := round(pg_total_relation_size(t)::numeric / snaps, 3);
  payload_b := round(pay / snaps, 3);
  overhead_b := total_b - payload_b;
  heap_b := round(pg_relation_size(t)::numeric / snaps, 3);
  toast_b := round(coalesce((SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE oid = t AND reltoastrelid <> 0), 0)::numeric / snaps, 3);
  index_b := round(pg_indexes_size(t)::numeric / snaps, 3);
END $f$;
SELECT r.* FROM pg_class c, pg_temp.m(c.oid, :snaps) r
WHERE c.relname LIKE 'cx\_%' AND c.relkind = 'r' AND c.relname NOT LIKE 'cx\_stage%' ORDER BY total_b DESC;
