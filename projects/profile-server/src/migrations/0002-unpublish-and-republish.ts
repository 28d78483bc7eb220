/**
 * Unpublishing and republishing: a profile remembers when (and by whom) it was taken off the portal
 * API, and the audit trail accepts the two new actions. SQLite cannot widen a CHECK in place, so the
 * audit table is rebuilt with its rows, ids, index and append-only triggers (dropping a table fires
 * no DELETE trigger).
 */
export const UNPUBLISH_AND_REPUBLISH = `
ALTER TABLE profiles ADD COLUMN unpublished_at TEXT;
ALTER TABLE profiles ADD COLUMN unpublished_by TEXT;

CREATE TABLE audit_v2 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  profile     TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (
    action IN ('create', 'update', 'publish', 'republish', 'unpublish', 'delete')
  ),
  at          TEXT NOT NULL,
  detail      TEXT NOT NULL CHECK (json_valid(detail))
) STRICT;

INSERT INTO audit_v2 (id, profile, actor, actor_name, action, at, detail)
  SELECT id, profile, actor, actor_name, action, at, detail FROM audit ORDER BY id;

DROP TABLE audit;
ALTER TABLE audit_v2 RENAME TO audit;

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
