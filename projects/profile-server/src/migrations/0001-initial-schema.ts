/**
 * Profiles with their current draft, immutable numbered versions, an append-only audit trail.
 * Timestamps are ISO 8601 UTC strings; documents are JSON text.
 */
export const INITIAL_SCHEMA = `
CREATE TABLE profiles (
  name        TEXT PRIMARY KEY NOT NULL,
  draft       TEXT NOT NULL CHECK (json_valid(draft)),
  draft_etag  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE versions (
  profile       TEXT NOT NULL REFERENCES profiles (name) ON DELETE CASCADE,
  number        INTEGER NOT NULL CHECK (number >= 1),
  document      TEXT NOT NULL CHECK (json_valid(document)),
  published_by  TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  UNIQUE (profile, number)
) STRICT;

-- A published version never changes; deleting its profile removes it (ON DELETE CASCADE).
CREATE TRIGGER versions_are_immutable BEFORE UPDATE ON versions
BEGIN
  SELECT RAISE(ABORT, 'published versions are immutable');
END;

-- No foreign key to profiles: the trail of a deleted profile stays.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  profile     TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'publish', 'delete')),
  at          TEXT NOT NULL,
  detail      TEXT NOT NULL CHECK (json_valid(detail))
) STRICT;

CREATE INDEX audit_by_profile ON audit (profile, id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
`;
