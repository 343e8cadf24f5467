-- download_log (V3) has not been written since V6 replaced it with download_activity. Its rows are folded into
-- download_activity the way V6 aggregates (one row per file, account, client address and UTC day; these downloads
-- were made signed in, hence the 1970-01-01 link expiry; bytes were never recorded, hence 0), and the table goes:
-- nothing reads it, and its foreign keys (without ON DELETE) would block deleting the files of a deleted creator.
-- A file belongs to one bundle, so the bundle is the same in each group (PostgreSQL has no min() for UUIDs).
INSERT INTO download_activity (file_id, account_id, link_expires_at, client_ip, day, bundle_id, requests,
                               range_requests, bytes_served, first_at, last_at)
SELECT file_id, account_id, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', client_ip,
       (downloaded_at AT TIME ZONE 'UTC')::date, min(bundle_id::text)::uuid, count(*), count(range_header), 0,
       min(downloaded_at), max(downloaded_at)
FROM download_log
GROUP BY file_id, account_id, client_ip, (downloaded_at AT TIME ZONE 'UTC')::date
ON CONFLICT (file_id, account_id, link_expires_at, client_ip, day) DO UPDATE SET
    requests       = download_activity.requests + excluded.requests,
    range_requests = download_activity.range_requests + excluded.range_requests,
    first_at       = least(download_activity.first_at, excluded.first_at),
    last_at        = greatest(download_activity.last_at, excluded.last_at);

DROP TABLE download_log;
