\timing on
DROP TABLE IF EXISTS cx_base;
-- 10% of videos (deterministic hash), all their days: keeps whole weeks intact for weekly variants
CREATE TABLE cx_base AS
  SELECT * FROM video_snapshot_days WHERE abs(hashint4(video_id)) % 10 = 3 ORDER BY video_id, day;
ALTER TABLE cx_base ADD PRIMARY KEY (video_id, day);
VACUUM ANALYZE cx_base;
SELECT count(*) rows_, count(DISTINCT video_id) vids,
  sum((SELECT count(*) FROM unnest(views_off) x WHERE x IS NOT NULL)) snaps,
  sum((SELECT count(*) FROM generate_subscripts(views_off,1) i WHERE views_off[i] IS NOT NULL AND (likes_off IS NULL OR likes_off[i] IS NULL))) likes_hidden_snaps,
  sum((SELECT count(*) FROM generate_subscripts(views_off,1) i WHERE views_off[i] IS NOT NULL AND (comments_off IS NULL OR comments_off[i] IS NULL))) comm_hidden_snaps,
  count(*) FILTER (WHERE likes_off IS NOT NULL AND EXISTS (SELECT 1 FROM generate_subscripts(views_off,1) i WHERE views_off[i] IS NOT NULL AND likes_off[i] IS NULL)) rows_partial_likes_hidden,
  count(*) FILTER (WHERE array_length(views_off,1)<>24) non24
FROM cx_base;
