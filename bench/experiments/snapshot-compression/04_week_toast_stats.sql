-- how many per-week array rows actually crossed the ~2 KB threshold and got compressed, and how well
SELECT t, pg_column_compression(views_off) comp, count(*) rows_,
  round(avg((SELECT count(*) FROM unnest(views_off) x WHERE x IS NOT NULL)),1) avg_snaps,
  round(avg(pg_column_size(views_off)),0) avg_stored_views_off,
  round(avg(pg_column_size(views_off::text::int4[])),0) avg_raw_views_off
FROM (SELECT 'off_w_lz4_main' t, views_off FROM cx_a_off_w_lz4_main
      UNION ALL SELECT 'off_w_pglz_main', views_off FROM cx_a_off_w_pglz_main
      UNION ALL SELECT 'delta_w_lz4_main', views_off FROM cx_a_delta_w_lz4_main) s
GROUP BY 1,2 ORDER BY 1,2;
