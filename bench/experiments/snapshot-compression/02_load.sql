-- Load python-encoded layouts (out/*.tsv) into staging, then CTAS/INSERT into measured tables.
\timing on
SET timezone = 'UTC';
SET default_toast_compression = pglz;
-- staging: arrays as text so every target table compresses fresh datums with its own settings
DROP TABLE IF EXISTS cx_stage_arr, cx_stage_blob;
CREATE UNLOGGED TABLE cx_stage_arr (src text, video_id int, day date, vb bigint, vo text, lb bigint, lo text, cb bigint, co text);
CREATE UNLOGGED TABLE cx_stage_blob (src text, video_id int, day date, data bytea);
ALTER TABLE cx_stage_blob ALTER data SET STORAGE EXTERNAL;  -- no compression in staging
\copy cx_stage_arr (video_id, day, vb, vo, lb, lo, cb, co) from 'out/arr_off_day.tsv'
UPDATE cx_stage_arr SET src = 'off_day' WHERE src IS NULL;
\copy cx_stage_arr (video_id, day, vb, vo, lb, lo, cb, co) from 'out/arr_delta_day.tsv'
UPDATE cx_stage_arr SET src = 'delta_day' WHERE src IS NULL;
\copy cx_stage_arr (video_id, day, vb, vo, lb, lo, cb, co) from 'out/arr_off_week.tsv'
UPDATE cx_stage_arr SET src = 'off_week' WHERE src IS NULL;
\copy cx_stage_arr (video_id, day, vb, vo, lb, lo, cb, co) from 'out/arr_delta_week.tsv'
UPDATE cx_stage_arr SET src = 'delta_week' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_G_day.tsv'
UPDATE cx_stage_blob SET src = 'G_day' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_L_day.tsv'
UPDATE cx_stage_blob SET src = 'L_day' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_LU_day.tsv'
UPDATE cx_stage_blob SET src = 'LU_day' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_P_day.tsv'
UPDATE cx_stage_blob SET src = 'P_day' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_G_week.tsv'
UPDATE cx_stage_blob SET src = 'G_week' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_L_week.tsv'
UPDATE cx_stage_blob SET src = 'L_week' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_LU_week.tsv'
UPDATE cx_stage_blob SET src = 'LU_week' WHERE src IS NULL;
\copy cx_stage_blob (video_id, day, data) from 'out/blob_P_week.tsv'
UPDATE cx_stage_blob SET src = 'P_week' WHERE src IS NULL;
SELECT src, count(*) FROM cx_stage_arr GROUP BY 1 UNION ALL SELECT src, count(*) FROM cx_stage_blob GROUP BY 1;

-- array tables: name, source, compression, storage, toast_tuple_target
CREATE OR REPLACE FUNCTION pg_temp.mk_arr(tname text, src text, comp text, stor text, ttt int) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  EXECUTE format('DROP TABLE IF EXISTS %I', tname);
  EXECUTE format('CREATE TABLE %I (video_id int NOT NULL, day timestamptz NOT NULL, slot_seconds int NOT NULL,
     views_base bigint NOT NULL, views_off int4[] COMPRESSION %s NOT NULL,
     likes_base bigint, likes_off int4[] COMPRESSION %s,
     comments_base bigint, comments_off int4[] COMPRESSION %s) %s',
     tname, comp, comp, comp,
     CASE WHEN ttt IS NULL THEN '' ELSE format('WITH (toast_tuple_target = %s)', ttt) END);
  EXECUTE format('ALTER TABLE %I ALTER views_off SET STORAGE %s, ALTER likes_off SET STORAGE %s, ALTER comments_off SET STORAGE %s', tname, stor, stor, stor);
  EXECUTE format('INSERT INTO %I SELECT video_id, day::timestamp AT TIME ZONE ''UTC'', 3600, vb, vo::int4[], lb, lo::int4[], cb, co::int4[]
     FROM cx_stage_arr WHERE src = %L ORDER BY video_id, day', tname, src);
  EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (video_id, day)', tname);
END $f$;
SELECT pg_temp.mk_arr('cx_a_delta_d',          'delta_day',  'pglz', 'EXTENDED', NULL);
SELECT pg_temp.mk_arr('cx_a_delta_d_lz4_main', 'delta_day',  'lz4',  'MAIN',     128);
SELECT pg_temp.mk_arr('cx_a_off_w',            'off_week',   'pglz', 'EXTENDED', NULL);
SELECT pg_temp.mk_arr('cx_a_off_w_lz4',        'off_week',   'lz4',  'EXTENDED', NULL);
SELECT pg_temp.mk_arr('cx_a_off_w_pglz_t128',  'off_week',   'pglz', 'EXTENDED', 128);
SELECT pg_temp.mk_arr('cx_a_off_w_pglz_main',  'off_week',   'pglz', 'MAIN',     128);
SELECT pg_temp.mk_arr('cx_a_off_w_lz4_t128',   'off_week',   'lz4',  'EXTENDED', 128);
SELECT pg_temp.mk_arr('cx_a_off_w_lz4_main',   'off_week',   'lz4',  'MAIN',     128);
SELECT pg_temp.mk_arr('cx_a_delta_w',          'delta_week', 'pglz', 'EXTENDED', NULL);
SELECT pg_temp.mk_arr('cx_a_delta_w_pglz_main','delta_week', 'pglz', 'MAIN',     128);
SELECT pg_temp.mk_arr('cx_a_delta_w_lz4_main', 'delta_week', 'lz4',  'MAIN',     128);

CREATE OR REPLACE FUNCTION pg_temp.mk_blob(tname text, src text, comp text, stor text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  EXECUTE format('DROP TABLE IF EXISTS %I', tname);
  EXECUTE format('CREATE TABLE %I (video_id int NOT NULL, day timestamptz NOT NULL, data bytea COMPRESSION %s NOT NULL)', tname, comp);
  EXECUTE format('ALTER TABLE %I ALTER data SET STORAGE %s', tname, stor);
  EXECUTE format('INSERT INTO %I SELECT video_id, day::timestamp AT TIME ZONE ''UTC'', data FROM cx_stage_blob WHERE src = %L ORDER BY video_id, day', tname, src);
  EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (video_id, day)', tname);
END $f$;
SELECT pg_temp.mk_blob('cx_b_g_d',  'G_day',  'pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_l_d',  'L_day',  'pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_lu_d', 'LU_day', 'pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_p_d',  'P_day',  'pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_g_w',  'G_week', 'pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_l_w',  'L_week', 'pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_lu_w', 'LU_week','pglz', 'EXTENDED');
SELECT pg_temp.mk_blob('cx_b_p_w',  'P_week', 'pglz', 'EXTENDED');
DROP TABLE cx_stage_arr, cx_stage_blob;
SELECT format('VACUUM ANALYZE %I', relname) FROM pg_class WHERE relname LIKE 'cx\_%' AND relkind = 'r' \gexec
