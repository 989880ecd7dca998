-- Version 3: the team registry, the members whose signed snapshots `team import` accepts.
CREATE TABLE team_members (
    name        TEXT NOT NULL PRIMARY KEY,
    key_id      TEXT NOT NULL UNIQUE,   -- sha256:<hex> of the raw Ed25519 public key
    public_key  TEXT NOT NULL,          -- PEM (SubjectPublicKeyInfo)
    added_at    TEXT NOT NULL
);
