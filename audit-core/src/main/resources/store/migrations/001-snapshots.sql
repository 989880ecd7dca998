-- Version 1: one row per snapshot, holding the full JSON report.
CREATE TABLE snapshots (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at      TEXT    NOT NULL,  -- ISO-8601 UTC instant
    taken_by      TEXT    NOT NULL,  -- user@host that ran the audit
    tool_version  TEXT    NOT NULL,
    policy_sha256 TEXT    NOT NULL,  -- hex SHA-256 of the policy file, '' without one
    targets_json  TEXT    NOT NULL,  -- JSON array of the audit's targets
    score         INTEGER NOT NULL,
    report_json   TEXT    NOT NULL   -- the report exactly as `--format json` writes it
);
