-- Version 2: counts per status as columns (for `history` without parsing every report), filled in
-- for existing rows from their reports, and an index for "the latest snapshot".
ALTER TABLE snapshots ADD COLUMN fail_count    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN warn_count    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN unknown_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN pass_count    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN demo          INTEGER NOT NULL DEFAULT 0;
UPDATE snapshots SET
    fail_count    = coalesce(json_extract(report_json, '$.summary.FAIL'), 0),
    warn_count    = coalesce(json_extract(report_json, '$.summary.WARN'), 0),
    unknown_count = coalesce(json_extract(report_json, '$.summary.UNKNOWN'), 0),
    pass_count    = coalesce(json_extract(report_json, '$.summary.PASS'), 0),
    demo          = coalesce(json_extract(report_json, '$.demo'), 0);
CREATE INDEX snapshots_by_time ON snapshots (taken_at, id);
