/**
 * Profiles in SQLite: the current draft of each (with its strong ETag), its immutable numbered
 * versions and the audit trail. Every change and its audit entry are one immediate transaction,
 * and conditional writes compare the ETag inside it, so two admins cannot both win. All SQL of
 * the server lives here and in the audit log; routes see only the types of
 * `profile-store.types.ts`.
 */
import { AuditLog, type AuditAction } from './audit-log';
import type { Db } from './database';
import { ifMatchAllows, strongEtag } from './etag';
import { jsonDiff } from './json-diff';
import { changesDetail, SELECT_PROFILES, summaryOf, type ProfileRow } from './profile-rows';
import type {
  Actor,
  ChangeRefused,
  DeleteOutcome,
  DraftRecord,
  ProfileSummary,
  PublishCheck,
  PublishOutcome,
  UnpublishOutcome,
  VersionRecord,
  VersionSummary,
} from './profile-store.types';

export type * from './profile-store.types';

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
        const at = this.timestamp();
        this.writeDraft(name, draft, actor, at);
        this.record(name, actor, 'update', at, changesDetail(jsonDiff(current.draft, draft)));
        return this.get(name) as DraftRecord;
      })
      .immediate();
  }

  /**
   * Publishes the current draft as version n + 1, if `ifMatch` matches it, `check` accepts it and
   * it differs from version n while n is live (after an unpublish, the same document goes live
   * again as n + 1).
   */
  publish(name: string, ifMatch: string, actor: Actor, check: PublishCheck): PublishOutcome {
    return this.db
      .transaction((): PublishOutcome => {
        const refused = this.precondition(name, ifMatch);
        if (refused) return refused;
        const row = this.row(name) as ProfileRow;
        return this.publishDocument(row, row.draft, actor, check, 'publish', {});
      })
      .immediate();
  }

  /**
   * Rolls back: publishes the document of version `number` again as the newest version, and makes
   * it the draft too (so the next publish does not bring back what was rolled back). The replaced
   * draft's changes go into the audit entry.
   * @param ifMatch the current draft's ETag (the draft is replaced)
   */
  republish(
    name: string,
    number: number,
    ifMatch: string,
    actor: Actor,
    check: PublishCheck,
  ): PublishOutcome {
    return this.db
      .transaction((): PublishOutcome => {
        const refused = this.precondition(name, ifMatch);
        if (refused) return refused;
        const source = this.version(name, number);
        if (!source) return { kind: 'no-such-version', number };
        const row = this.row(name) as ProfileRow;
        const document = JSON.stringify(source.document);
        const detail = {
          from: number,
          ...changesDetail(jsonDiff(JSON.parse(row.draft), source.document)),
        };
        const outcome = this.publishDocument(row, document, actor, check, 'republish', detail);
        if (outcome.kind === 'published') {
          this.writeDraft(name, source.document, actor, outcome.version.publishedAt);
          return { ...outcome, etag: (this.row(name) as ProfileRow).draft_etag };
        }
        return outcome;
      })
      .immediate();
  }

  /**
   * Takes a published profile off the portal API; its versions stay, so publishing (or
   * republishing a version) restores it. The audit entry names the version that was live.
   */
  unpublish(name: string, ifMatch: string, actor: Actor): UnpublishOutcome {
    return this.db
      .transaction((): UnpublishOutcome => {
        const refused = this.precondition(name, ifMatch);
        if (refused) return refused;
        const row = this.row(name) as ProfileRow;
        const status = summaryOf(row).status;
        if (status !== 'published') return { kind: 'not-live', status };
        const at = this.timestamp();
        this.db
          .prepare('UPDATE profiles SET unpublished_at = ?, unpublished_by = ? WHERE name = ?')
          .run(at, actor.name, name);
        this.record(name, actor, 'unpublish', at, { version: row.latest });
        return { kind: 'unpublished', record: this.get(name) as DraftRecord };
      })
      .immediate();
  }

  /**
   * Deletes a profile that portals do not get (never published, or unpublished) with its
   * versions. The audit entry keeps the draft and the last published document, enough to create
   * and publish it again.
   * @param ifMatch the draft's ETag
   */
  delete(name: string, ifMatch: string, actor: Actor): DeleteOutcome {
    return this.db
      .transaction((): DeleteOutcome => {
        const refused = this.precondition(name, ifMatch);
        if (refused) return refused;
        const row = this.row(name) as ProfileRow;
        if (summaryOf(row).status === 'published') {
          return { kind: 'published', version: row.latest as number };
        }
        this.db.prepare('DELETE FROM profiles WHERE name = ?').run(name);
        this.record(name, actor, 'delete', this.timestamp(), {
          latestVersion: row.latest,
          draft: JSON.parse(row.draft),
          lastPublished: row.latest_document === null ? null : JSON.parse(row.latest_document),
        });
        return { kind: 'deleted' };
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

  /** The version portals get: the newest, unless the profile was unpublished; or undefined. */
  liveVersion(name: string): VersionRecord | undefined {
    const row = this.row(name);
    return row && summaryOf(row).status === 'published' ? this.version(name, 'latest') : undefined;
  }

  private publishDocument(
    row: ProfileRow,
    document: string,
    actor: Actor,
    check: PublishCheck,
    action: AuditAction,
    detail: object,
  ): PublishOutcome {
    const reason = check(JSON.parse(document));
    if (reason !== undefined) return { kind: 'invalid', reason };
    const live = summaryOf(row).status === 'published';
    if (live && row.latest !== null && row.latest_document === document) {
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
      .run(row.name, version.number, document, version.publishedBy, version.publishedAt);
    this.db
      .prepare('UPDATE profiles SET unpublished_at = NULL, unpublished_by = NULL WHERE name = ?')
      .run(row.name);
    this.record(row.name, actor, action, version.publishedAt, {
      version: version.number,
      ...detail,
    });
    return { kind: 'published', version, etag: row.draft_etag };
  }

  private writeDraft(name: string, draft: unknown, actor: Actor, at: string): void {
    const json = JSON.stringify(draft);
    this.db
      .prepare(
        'UPDATE profiles SET draft = ?, draft_etag = ?, updated_by = ?, updated_at = ? WHERE name = ?',
      )
      .run(json, strongEtag(json), actor.name, at, name);
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
