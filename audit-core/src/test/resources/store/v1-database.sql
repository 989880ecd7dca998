-- A database of schema version 1 as the first release wrote it, frozen here: the migration test
-- must keep passing against exactly this, however the migrations evolve.
CREATE TABLE snapshots (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at      TEXT    NOT NULL,
    taken_by      TEXT    NOT NULL,
    tool_version  TEXT    NOT NULL,
    policy_sha256 TEXT    NOT NULL,
    targets_json  TEXT    NOT NULL,
    score         INTEGER NOT NULL,
    report_json   TEXT    NOT NULL
);
INSERT INTO snapshots (taken_at, taken_by, tool_version, policy_sha256, targets_json, score, report_json) VALUES ('2026-01-05T08:00:00Z', 'alice@laptop', '0.1.0', '', '["npm-user:alice"]', 50, '{"schemaVersion":1,"tool":{"name":"maintainer-hardening-auditor","version":"0.1.0"},"generatedAt":"2026-01-05T08:00:00Z","demo":false,"targets":["npm-user:alice"],"score":50,"summary":{"PASS":1,"FAIL":1,"WARN":0,"UNKNOWN":0,"ATTESTED":0,"NOT_APPLICABLE":0},"findings":[{"check":"npm.2fa","status":"PASS","severity":"critical","stage":"evaluate","subject":"npm:~alice","title":"Turn on 2FA","message":"on","needed":"","evidence":[{"label":"tfa.mode","value":"auth-and-writes","source":"GET /-/npm/v1/user"}],"remediation":[],"references":[]},{"check":"publishers.roster","status":"FAIL","severity":"critical","stage":"limit","subject":"npm:left-pad","title":"Roster","message":"mallory is not in the roster","needed":"","evidence":[{"label":"publishers","value":"alice, mallory","source":"GET /left-pad (maintainers)"}],"remediation":[],"references":[]}],"metadata":{"startedAt":"2026-01-05T07:59:58Z","finishedAt":"2026-01-05T08:00:00Z","durationMillis":2000,"cancelled":false,"checksRun":["npm.2fa","publishers.roster"],"requestsByHost":{}}}');
INSERT INTO snapshots (taken_at, taken_by, tool_version, policy_sha256, targets_json, score, report_json) VALUES ('2026-01-12T08:00:00Z', 'alice@laptop', '0.1.0', 'ab12', '["npm-user:alice"]', 100, '{"schemaVersion":1,"tool":{"name":"maintainer-hardening-auditor","version":"0.1.0"},"generatedAt":"2026-01-12T08:00:00Z","demo":false,"targets":["npm-user:alice"],"score":100,"summary":{"PASS":2,"FAIL":0,"WARN":0,"UNKNOWN":0,"ATTESTED":0,"NOT_APPLICABLE":0},"findings":[{"check":"npm.2fa","status":"PASS","severity":"critical","stage":"evaluate","subject":"npm:~alice","title":"Turn on 2FA","message":"on","needed":"","evidence":[],"remediation":[],"references":[]},{"check":"publishers.roster","status":"PASS","severity":"critical","stage":"limit","subject":"npm:left-pad","title":"Roster","message":"all in roster","needed":"","evidence":[{"label":"publishers","value":"alice","source":"GET /left-pad (maintainers)"}],"remediation":[],"references":[]}],"metadata":{"startedAt":"2026-01-12T07:59:58Z","finishedAt":"2026-01-12T08:00:00Z","durationMillis":2000,"cancelled":false,"checksRun":["npm.2fa","publishers.roster"],"requestsByHost":{}}}');
PRAGMA user_version = 1;
