/**
 * The PostgreSQL schema, migration for migration the same as the SQLite one (same versions, names
 * and intent; see `../migrations`). Immutability is enforced by triggers, as in SQLite. Append
 * only: a released migration is never edited.
 */
import type { Migration } from '../migrations';

const INITIAL_SCHEMA = `
CREATE TABLE profiles (
  name        TEXT PRIMARY KEY,
  draft       TEXT NOT NULL CHECK ((draft::jsonb) IS NOT NULL),
  draft_etag  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE versions (
  profile       TEXT NOT NULL REFERENCES profiles (name) ON DELETE CASCADE,
  number        INTEGER NOT NULL CHECK (number >= 1),
  document      TEXT NOT NULL CHECK ((document::jsonb) IS NOT NULL),
  published_by  TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  UNIQUE (profile, number)
);

-- Raises the message given as the trigger's argument.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;

-- A published version never changes; deleting its profile removes it (ON DELETE CASCADE).
CREATE TRIGGER versions_are_immutable BEFORE UPDATE ON versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change('published versions are immutable');

-- No foreign key to profiles: the trail of a deleted profile stays.
CREATE TABLE audit (
  id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  profile     TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  action      TEXT NOT NULL CONSTRAINT audit_action
                CHECK (action IN ('create', 'update', 'publish', 'delete')),
  at          TEXT NOT NULL,
  detail      TEXT NOT NULL CHECK ((detail::jsonb) IS NOT NULL)
);

CREATE INDEX audit_by_profile ON audit (profile, id);

CREATE TRIGGER audit_is_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit trail is append-only');

CREATE TRIGGER audit_is_not_truncated BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit trail is append-only');
`;

/** PostgreSQL widens a CHECK in place: no table rebuild as in SQLite. */
const UNPUBLISH_AND_REPUBLISH = `
ALTER TABLE profiles ADD COLUMN unpublished_at TEXT, ADD COLUMN unpublished_by TEXT;

ALTER TABLE audit DROP CONSTRAINT audit_action, ADD CONSTRAINT audit_action
  CHECK (action IN ('create', 'update', 'publish', 'republish', 'unpublish', 'delete'));
`;

/** Every PostgreSQL migration, oldest first. */
export const PG_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'profiles, versions, audit', sql: INITIAL_SCHEMA },
  { version: 2, name: 'unpublish and republish', sql: UNPUBLISH_AND_REPUBLISH },
];
