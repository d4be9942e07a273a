-- Single-slot read of the views value directly from the LU (FOR + linear prediction, unsigned) day blob,
-- in SQL, with no decompression of the other slots; checked against cx_base.
\timing on
CREATE OR REPLACE FUNCTION pg_temp.lu_views(b bytea, i int) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT AS $f$
DECLARE flags int := get_byte(b, 0); pos int := 1; bm int := 16777215; n int; rnk int; t0 int;
        vals bigint[] := '{}'; u bigint; sh int; c int; w int; st int; f bigint := 0; j int;
BEGIN
  IF flags & 1 = 0 THEN bm := get_byte(b,1) | (get_byte(b,2) << 8) | (get_byte(b,3) << 16); pos := 4; END IF;  -- parenthesised: PG gives | and << equal precedence
  IF (bm >> i) & 1 = 0 THEN RETURN NULL; END IF;
  n   := length(replace(bm::bit(24)::text, '0', ''));
  rnk := length(replace((bm & ((1 << i) - 1))::bit(24)::text, '0', ''));
  t0  := 24 - length(rtrim(bm::bit(24)::text, '0'));
  IF (flags >> 1) & 3 = 2 THEN pos := pos + (n + 7) / 8; END IF;
  IF (flags >> 3) & 3 = 2 THEN pos := pos + (n + 7) / 8; END IF;
  FOR k IN 1..2 LOOP               -- zz-varint base, zz-varint slope_q
    u := 0; sh := 0;
    LOOP c := get_byte(b, pos); pos := pos + 1; u := u | ((c & 127)::bigint << sh); sh := sh + 7; EXIT WHEN c < 128; END LOOP;
    vals := vals || CASE WHEN u & 1 = 0 THEN u >> 1 ELSE -((u + 1) >> 1) END;
  END LOOP;
  w := get_byte(b, pos); pos := pos + 1;
  IF w > 0 THEN
    st := rnk * w;
    FOR j IN 0..((st % 8 + w + 7) / 8 - 1) LOOP f := f | (get_byte(b, pos + st / 8 + j)::bigint << (8 * j)); END LOOP;
    f := (f >> (st % 8)) & ((1::bigint << w) - 1);
  END IF;
  RETURN vals[1] + ((vals[2] * (i - t0) + 8) >> 4) + f;
END $f$;
-- 20k random (row, slot) probes
SELECT count(*) probes, count(*) FILTER (WHERE a.views_off[s.i+1] IS NOT DISTINCT FROM
         (pg_temp.lu_views(b.data, s.i) - a.views_base)) matches
FROM (SELECT video_id, day, (random()*23.999)::int i FROM cx_base TABLESAMPLE BERNOULLI (8) REPEATABLE (7) LIMIT 20000) s
JOIN cx_base a USING (video_id, day) JOIN cx_b_lu_d b USING (video_id, day);
-- cost of one point read via the PK (blob variant vs current layout), warm cache
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT pg_temp.lu_views(data, 13) FROM cx_b_lu_d WHERE video_id = 261 AND day = '2025-11-29+00';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT views_base + views_off[14] FROM cx_base WHERE video_id = 261 AND day = '2025-11-29+00';
