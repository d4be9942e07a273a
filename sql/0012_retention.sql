-- Retention deletes the oldest days and buckets in small batches; block-range indexes find them
-- without scanning whole tables and cost a few kilobytes (rows arrive roughly in time order).
CREATE INDEX video_snapshot_days_day_brin ON video_snapshot_days USING brin (day);
CREATE INDEX trending_entries_bucket_brin ON trending_entries USING brin (bucket);
