-- PostgreSQL-native compression of the current int4[] layout (per video-day), from cx_base.
\timing on
SET default_toast_compression = pglz;
-- helper: create an empty copy of the layout with the given compression/storage, then insert
DROP TABLE IF EXISTS cx_a_off_d_pglz, cx_a_off_d_pglz_main, cx_a_off_d_lz4, cx_a_off_d_lz4_main;
CREATE TABLE cx_a_off_d_pglz (LIKE cx_base) WITH (toast_tuple_target = 128);
CREATE TABLE cx_a_off_d_pglz_main (LIKE cx_base) WITH (toast_tuple_target = 128);
CREATE TABLE cx_a_off_d_lz4 (LIKE cx_base) WITH (toast_tuple_target = 128);
CREATE TABLE cx_a_off_d_lz4_main (LIKE cx_base) WITH (toast_tuple_target = 128);
ALTER TABLE cx_a_off_d_pglz ALTER views_off SET COMPRESSION pglz, ALTER likes_off SET COMPRESSION pglz, ALTER comments_off SET COMPRESSION pglz;
ALTER TABLE cx_a_off_d_pglz_main ALTER views_off SET COMPRESSION pglz, ALTER likes_off SET COMPRESSION pglz, ALTER comments_off SET COMPRESSION pglz,
  ALTER views_off SET STORAGE MAIN, ALTER likes_off SET STORAGE MAIN, ALTER comments_off SET STORAGE MAIN;
ALTER TABLE cx_a_off_d_lz4 ALTER views_off SET COMPRESSION lz4, ALTER likes_off SET COMPRESSION lz4, ALTER comments_off SET COMPRESSION lz4;
ALTER TABLE cx_a_off_d_lz4_main ALTER views_off SET COMPRESSION lz4, ALTER likes_off SET COMPRESSION lz4, ALTER comments_off SET COMPRESSION lz4,
  ALTER views_off SET STORAGE MAIN, ALTER likes_off SET STORAGE MAIN, ALTER comments_off SET STORAGE MAIN;
INSERT INTO cx_a_off_d_pglz SELECT * FROM cx_base ORDER BY video_id, day;
INSERT INTO cx_a_off_d_pglz_main SELECT * FROM cx_base ORDER BY video_id, day;
INSERT INTO cx_a_off_d_lz4 SELECT * FROM cx_base ORDER BY video_id, day;
INSERT INTO cx_a_off_d_lz4_main SELECT * FROM cx_base ORDER BY video_id, day;
ALTER TABLE cx_a_off_d_pglz ADD PRIMARY KEY (video_id, day);
ALTER TABLE cx_a_off_d_pglz_main ADD PRIMARY KEY (video_id, day);
ALTER TABLE cx_a_off_d_lz4 ADD PRIMARY KEY (video_id, day);
ALTER TABLE cx_a_off_d_lz4_main ADD PRIMARY KEY (video_id, day);
VACUUM ANALYZE cx_a_off_d_pglz; VACUUM ANALYZE cx_a_off_d_pglz_main; VACUUM ANALYZE cx_a_off_d_lz4; VACUUM ANALYZE cx_a_off_d_lz4_main;
SELECT 'pglz' t, pg_column_compression(views_off) c, count(*) FROM cx_a_off_d_pglz GROUP BY 1,2
UNION ALL SELECT 'pglz_main', pg_column_compression(views_off), count(*) FROM cx_a_off_d_pglz_main GROUP BY 1,2
UNION ALL SELECT 'lz4', pg_column_compression(views_off), count(*) FROM cx_a_off_d_lz4 GROUP BY 1,2
UNION ALL SELECT 'lz4_main', pg_column_compression(views_off), count(*) FROM cx_a_off_d_lz4_main GROUP BY 1,2;
