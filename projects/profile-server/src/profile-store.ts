/**
 * Profiles in SQLite: the current draft of each (with its strong ETag), its immutable numbered
 * versions and the audit trail. Every change and its audit entry are one immediate transaction,
 * and conditional writes compare the ETag inside it, so two admins cannot both win.
 */
import type { Db } from './database';
import { strongEtag, ifMatchAllows } from './etag';
import { jsonDiff, type JsonChange } from './json-diff';
import { AuditLog, type AuditAction } from './audit-log';

/** Who changes something (from the verified token). */
export interface Actor {
  readonly sub: string;
  readonly name: string;
}

/** One profile in the list. */
export interface ProfileSummary {
  readonly name: string;
  /** `published` once a version exists, else `draft`. */
  readonly status: 'draft' | 'published';
  /** The newest published version, or null. */
  readonly latestVersion: number | null;
  /** Whether the draft differs from the newest version (always true before the first publish). */
  readonly unpublishedChanges: boolean;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** A profile's draft. */
export interface DraftRecord extends ProfileSummary {
  readonly draft: unknown;
  /** The draft's strong ETag. */
  readonly etag: string;
}

/** A published version without its document. */
export interface VersionSummary {
  readonly number: number;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

/** A published version. */
export interface VersionRecord extends VersionSummary {
  readonly document: unknown;
}

/** Why a conditional change did not happen. */
export type ChangeRefused =
  { readonly kind: 'not-found' } | { readonly kind: 'stale'; readonly etag: string };

/** The outcome of {@link ProfileStore.publish}. */
export type PublishOutcome =
  | { readonly kind: 'published'; readonly version: VersionSummary }
  | { readonly kind: 'unchanged'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: unknown }
  | ChangeRefused;

/** The largest number of field changes an audit entry lists. */
const MAX_AUDITED_CHANGES = 100;

interface ProfileRow {
  name: string;
  draft: string;
  draft_etag: string;
  updated_by: string;
  updated_at: string;
  latest: number | null;
  latest_document: string | null;
}

const SELECT_PROFILES = `
  SELECT p.name, p.draft, p.draft_etag, p.updated_by, p.updated_at,
         v.number AS latest, v.document AS latest_document
  FROM profiles p
  LEFT JOIN versions v
    ON v.profile = p.name AND v.number = (SELECT max(number) FROM versions WHERE profile = p.name)`;

/** The profile store. Synchronous (better-sqlite3); one instance per connection. */
export class ProfileStore {
  /** The audit trail. */
  readonly audit: AuditLog;

  /**
   * @param db an open, migrated connection
   * @param now the clock (tests replace it)
   */
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditLog(db);
  }

  /** Whether the database has never held a profile (nothing in it, nothing in the trail). */
  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM audit LIMIT 1').get() === undefined && !this.count();
  }

  /** Every profile, by name. */
  list(): ProfileSummary[] {
    const rows = this.db.prepare(`${SELECT_PROFILES} ORDER BY p.name`).all() as ProfileRow[];
    return rows.map((row) => summaryOf(row));
  }

  /** A profile's draft, or undefined. */
  get(name: string): DraftRecord | undefined {
    const row = this.row(name);
    return row && { ...summaryOf(row), draft: JSON.parse(row.draft), etag: row.draft_etag };
  }

  /**
   * Creates a profile with its first draft.
   * @returns the draft, or undefined when the name is taken
   */
  create(name: string, draft: unknown, actor: Actor, detail: object = {}): DraftRecord | undefined {
    return this.db
      .transaction(() => {
        if (this.row(name)) return undefined;
        const at = this.timestamp();
        const json = JSON.stringify(draft);
        this.db
          .prepare(
            `INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(name, json, strongEtag(json), at, actor.name, at);
        this.record(name, actor, 'create', at, detail);
        return this.get(name);
      })
      .immediate();
  }

  /**
   * Replaces the draft if `ifMatch` matches its current ETag.
   * @returns the new draft, or why not
   */
  updateDraft(
    name: string,
    draft: unknown,
    ifMatch: string,
    actor: Actor,
  ): DraftRecord | ChangeRefused {
    return this.db
      .transaction((): DraftRecord | ChangeRefused => {
        const refused = this.precondition(name, ifMatch);
        if (refused) return refused;
        const current = this.get(name) as DraftRecord;
        const json = JSON.stringify(draft);
        const at = this.timestamp();
        this.db
          .prepare(
            'UPDATE profiles SET draft = ?, draft_etag = ?, updated_by = ?, updated_at = ? WHERE name = ?',
          )
          .run(json, strongEtag(json), actor.name, at, name);
        this.record(name, actor, 'update', at, changesDetail(jsonDiff(current.draft, draft)));
        return this.get(name) as DraftRecord;
      })
      .immediate();
  }

  /**
   * Publishes the current draft as version n + 1, if `ifMatch` matches it, `check` accepts it and it
   * differs from version n.
   * @param check returns undefined for a publishable draft, else the reason (passed back)
   */
  publish(
    name: string,
    ifMatch: string,
    actor: Actor,
    check: (draft: unknown) => unknown,
  ): PublishOutcome {
    return this.db
      .transaction((): PublishOutcome => {
        const refused = this.precondition(name, ifMatch);
        if (refused) return refused;
        const row = this.row(name) as ProfileRow;
        const reason = check(JSON.parse(row.draft));
        if (reason !== undefined) return { kind: 'invalid', reason };
        if (row.latest !== null && row.latest_document === row.draft) {
          return { kind: 'unchanged', version: row.latest };
        }
        const version = {
          number: (row.latest ?? 0) + 1,
          publishedBy: actor.name,
          publishedAt: this.timestamp(),
        };
        this.db
          .prepare(
            `INSERT INTO versions (profile, number, document, published_by, published_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(name, version.number, row.draft, version.publishedBy, version.publishedAt);
        this.record(name, actor, 'publish', version.publishedAt, { version: version.number });
        return { kind: 'published', version };
      })
      .immediate();
  }

  /**
   * Deletes a profile and its versions (the audit trail stays).
   * @param ifMatch when given, the draft's ETag must match
   */
  delete(name: string, ifMatch: string | undefined, actor: Actor): ChangeRefused | undefined {
    return this.db
      .transaction((): ChangeRefused | undefined => {
        const refused = this.precondition(name, ifMatch ?? '*');
        if (refused) return refused;
        const latest = (this.row(name) as ProfileRow).latest;
        this.db.prepare('DELETE FROM profiles WHERE name = ?').run(name);
        this.record(name, actor, 'delete', this.timestamp(), { latestVersion: latest });
        return undefined;
      })
      .immediate();
  }

  /** A profile's versions, oldest first; undefined when the profile does not exist. */
  versions(name: string): VersionSummary[] | undefined {
    if (!this.row(name)) return undefined;
    const rows = this.db
      .prepare(
        `SELECT number, published_by AS publishedBy, published_at AS publishedAt
         FROM versions WHERE profile = ? ORDER BY number`,
      )
      .all(name) as VersionSummary[];
    return rows;
  }

  /** One version (`'latest'` for the newest), or undefined. */
  version(name: string, number: number | 'latest'): VersionRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT number, published_by AS publishedBy, published_at AS publishedAt, document
         FROM versions WHERE profile = ? ${number === 'latest' ? '' : 'AND number = ?'}
         ORDER BY number DESC LIMIT 1`,
      )
      .get(...(number === 'latest' ? [name] : [name, number])) as
      (VersionSummary & { document: string }) | undefined;
    return row && { ...row, document: JSON.parse(row.document) };
  }

  private count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n;
  }

  private row(name: string): ProfileRow | undefined {
    return this.db.prepare(`${SELECT_PROFILES} WHERE p.name = ?`).get(name) as
      ProfileRow | undefined;
  }

  private precondition(name: string, ifMatch: string): ChangeRefused | undefined {
    const row = this.row(name);
    if (!row) return { kind: 'not-found' };
    return ifMatchAllows(ifMatch, row.draft_etag)
      ? undefined
      : { kind: 'stale', etag: row.draft_etag };
  }

  private record(name: string, actor: Actor, action: AuditAction, at: string, detail: object) {
    this.audit.append({
      profile: name,
      actor: actor.sub,
      actorName: actor.name,
      action,
      at,
      detail,
    });
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

function summaryOf(row: ProfileRow): ProfileSummary {
  return {
    name: row.name,
    status: row.latest === null ? 'draft' : 'published',
    latestVersion: row.latest,
    unpublishedChanges: row.latest_document !== row.draft,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function changesDetail(changes: JsonChange[]): object {
  return changes.length > MAX_AUDITED_CHANGES
    ? {
        changes: changes.slice(0, MAX_AUDITED_CHANGES),
        moreChanges: changes.length - MAX_AUDITED_CHANGES,
      }
    : { changes };
}
