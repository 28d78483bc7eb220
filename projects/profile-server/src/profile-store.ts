/**
 * Profiles on a {@link StoreEngine} (SQLite or PostgreSQL): the current draft of each (with its
 * strong ETag), its immutable numbered versions and the audit trail. Every change and its audit
 * entry are one transaction, and conditional writes compare the ETag inside it under the
 * profile's row lock, so two admins (or two server processes) cannot both win. All SQL of the
 * server lives here and in the audit log; routes see only the types of `profile-store.types.ts`.
 */
import { AuditLog, type AuditAction } from './audit-log';
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
import type { SqlSession, StoreEngine } from './sql-engine';

export type * from './profile-store.types';

/** The profile store. Async; every method is one read or one transaction of the engine. */
export class ProfileStore {
  /** The audit trail. */
  readonly audit: AuditLog;

  /**
   * @param engine an open, migrated database
   * @param now the clock (tests replace it)
   */
  constructor(
    readonly engine: StoreEngine,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditLog(engine);
  }

  /** Whether the database has never held a profile (nothing in it, nothing in the trail). */
  isEmpty(): Promise<boolean> {
    return this.engine.read(
      async (s) =>
        (await s.get('SELECT 1 AS one FROM audit LIMIT 1')) === undefined &&
        (await s.get('SELECT 1 AS one FROM profiles LIMIT 1')) === undefined,
    );
  }

  /** Every profile, by name. */
  async list(): Promise<ProfileSummary[]> {
    const rows = await this.engine.read((s) =>
      s.all<ProfileRow>(`${SELECT_PROFILES} ORDER BY p.name`),
    );
    return rows.map((row) => summaryOf(row));
  }

  /** A profile's draft, or undefined. */
  get(name: string): Promise<DraftRecord | undefined> {
    return this.engine.read((s) => this.draftOf(s, name));
  }

  /**
   * Creates a profile with its first draft.
   * @returns the draft, or undefined when the name is taken
   */
  create(
    name: string,
    draft: unknown,
    actor: Actor,
    detail: object = {},
  ): Promise<DraftRecord | undefined> {
    return this.engine.transaction(async (s) => {
      const at = this.timestamp();
      const json = JSON.stringify(draft);
      const inserted = await s.run(
        `INSERT INTO profiles (name, draft, draft_etag, created_at, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
        [name, json, strongEtag(json), at, actor.name, at],
      );
      if (!inserted) return undefined;
      await this.record(s, name, actor, 'create', at, detail);
      return this.draftOf(s, name);
    });
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
  ): Promise<DraftRecord | ChangeRefused> {
    return this.conditional<DraftRecord>(name, ifMatch, async (s, current) => {
      const at = this.timestamp();
      await this.writeDraft(s, name, draft, actor, at);
      const detail = changesDetail(jsonDiff(JSON.parse(current.draft), draft));
      await this.record(s, name, actor, 'update', at, detail);
      return (await this.draftOf(s, name)) as DraftRecord;
    });
  }

  /**
   * Publishes the current draft as version n + 1, if `ifMatch` matches it, `check` accepts it and
   * it differs from version n while n is live (after an unpublish, the same document goes live
   * again as n + 1).
   */
  publish(
    name: string,
    ifMatch: string,
    actor: Actor,
    check: PublishCheck,
  ): Promise<PublishOutcome> {
    return this.conditional<PublishOutcome>(name, ifMatch, (s, row) =>
      this.publishDocument(s, row, row.draft, actor, check, 'publish', {}),
    );
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
  ): Promise<PublishOutcome> {
    return this.conditional<PublishOutcome>(name, ifMatch, async (s, row) => {
      const source = await this.versionOf(s, name, number);
      if (!source) return { kind: 'no-such-version', number };
      const document = JSON.stringify(source.document);
      const detail = {
        from: number,
        ...changesDetail(jsonDiff(JSON.parse(row.draft), source.document)),
      };
      const outcome = await this.publishDocument(
        s,
        row,
        document,
        actor,
        check,
        'republish',
        detail,
      );
      if (outcome.kind !== 'published') return outcome;
      await this.writeDraft(s, name, source.document, actor, outcome.version.publishedAt);
      return { ...outcome, etag: ((await this.row(s, name)) as ProfileRow).draft_etag };
    });
  }

  /**
   * Takes a published profile off the portal API; its versions stay, so publishing (or
   * republishing a version) restores it. The audit entry names the version that was live.
   */
  unpublish(name: string, ifMatch: string, actor: Actor): Promise<UnpublishOutcome> {
    return this.conditional<UnpublishOutcome>(name, ifMatch, async (s, row) => {
      const status = summaryOf(row).status;
      if (status !== 'published') return { kind: 'not-live', status };
      const at = this.timestamp();
      await s.run('UPDATE profiles SET unpublished_at = ?, unpublished_by = ? WHERE name = ?', [
        at,
        actor.name,
        name,
      ]);
      await this.record(s, name, actor, 'unpublish', at, { version: row.latest });
      return { kind: 'unpublished', record: (await this.draftOf(s, name)) as DraftRecord };
    });
  }

  /**
   * Deletes a profile that portals do not get (never published, or unpublished) with its
   * versions. The audit entry keeps the draft and the last published document, enough to create
   * and publish it again.
   * @param ifMatch the draft's ETag
   */
  delete(name: string, ifMatch: string, actor: Actor): Promise<DeleteOutcome> {
    return this.conditional<DeleteOutcome>(name, ifMatch, async (s, row) => {
      if (summaryOf(row).status === 'published') {
        return { kind: 'published', version: row.latest as number };
      }
      await s.run('DELETE FROM profiles WHERE name = ?', [name]);
      await this.record(s, name, actor, 'delete', this.timestamp(), {
        latestVersion: row.latest,
        draft: JSON.parse(row.draft),
        lastPublished: row.latest_document === null ? null : JSON.parse(row.latest_document),
      });
      return { kind: 'deleted' };
    });
  }

  /** A profile's versions, oldest first; undefined when the profile does not exist. */
  versions(name: string): Promise<VersionSummary[] | undefined> {
    return this.engine.read(async (s) => {
      if (!(await this.row(s, name))) return undefined;
      return s.all<VersionSummary>(
        `SELECT number, published_by AS "publishedBy", published_at AS "publishedAt"
         FROM versions WHERE profile = ? ORDER BY number`,
        [name],
      );
    });
  }

  /** One version (`'latest'` for the newest), or undefined. */
  version(name: string, number: number | 'latest'): Promise<VersionRecord | undefined> {
    return this.engine.read((s) => this.versionOf(s, name, number));
  }

  /** The version portals get: the newest, unless the profile was unpublished; or undefined. */
  async liveVersion(name: string): Promise<VersionRecord | undefined> {
    // One statement: every portal page load asks for this.
    const row = await this.engine.read((s) =>
      s.get<VersionSummary & { document: string }>(
        `SELECT v.number, v.published_by AS "publishedBy", v.published_at AS "publishedAt",
                v.document
         FROM profiles p JOIN versions v ON v.profile = p.name
         WHERE p.name = ? AND p.unpublished_at IS NULL
         ORDER BY v.number DESC LIMIT 1`,
        [name],
      ),
    );
    return row && { ...row, document: JSON.parse(row.document) };
  }

  private async publishDocument(
    s: SqlSession,
    row: ProfileRow,
    document: string,
    actor: Actor,
    check: PublishCheck,
    action: AuditAction,
    detail: object,
  ): Promise<PublishOutcome> {
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
    await s.run(
      `INSERT INTO versions (profile, number, document, published_by, published_at)
       VALUES (?, ?, ?, ?, ?)`,
      [row.name, version.number, document, version.publishedBy, version.publishedAt],
    );
    await s.run('UPDATE profiles SET unpublished_at = NULL, unpublished_by = NULL WHERE name = ?', [
      row.name,
    ]);
    await this.record(s, row.name, actor, action, version.publishedAt, {
      version: version.number,
      ...detail,
    });
    return { kind: 'published', version, etag: row.draft_etag };
  }

  private async writeDraft(
    s: SqlSession,
    name: string,
    draft: unknown,
    actor: Actor,
    at: string,
  ): Promise<void> {
    const json = JSON.stringify(draft);
    await s.run(
      'UPDATE profiles SET draft = ?, draft_etag = ?, updated_by = ?, updated_at = ? WHERE name = ?',
      [json, strongEtag(json), actor.name, at, name],
    );
  }

  private row(s: SqlSession, name: string): Promise<ProfileRow | undefined> {
    return s.get<ProfileRow>(`${SELECT_PROFILES} WHERE p.name = ?`, [name]);
  }

  private async draftOf(s: SqlSession, name: string): Promise<DraftRecord | undefined> {
    const row = await this.row(s, name);
    return row && { ...summaryOf(row), draft: JSON.parse(row.draft), etag: row.draft_etag };
  }

  private async versionOf(
    s: SqlSession,
    name: string,
    number: number | 'latest',
  ): Promise<VersionRecord | undefined> {
    const row = await s.get<VersionSummary & { document: string }>(
      `SELECT number, published_by AS "publishedBy", published_at AS "publishedAt", document
       FROM versions WHERE profile = ? ${number === 'latest' ? '' : 'AND number = ?'}
       ORDER BY number DESC LIMIT 1`,
      number === 'latest' ? [name] : [name, number],
    );
    return row && { ...row, document: JSON.parse(row.document) };
  }

  /**
   * Runs `work` in one transaction when `ifMatch` matches the profile's ETag, compared under the
   * profile's row lock (where the engine needs one); else answers why not.
   */
  private conditional<T>(
    name: string,
    ifMatch: string,
    work: (s: SqlSession, row: ProfileRow) => Promise<T | ChangeRefused>,
  ): Promise<T | ChangeRefused> {
    return this.engine.transaction(async (s) => {
      const row = await this.precondition(s, name, ifMatch);
      return 'kind' in row ? row : work(s, row);
    });
  }

  /** Locks the profile's row (where the engine needs it), then compares `ifMatch` with its ETag. */
  private async precondition(
    s: SqlSession,
    name: string,
    ifMatch: string,
  ): Promise<ProfileRow | ChangeRefused> {
    if (this.engine.lockProfileSql) await s.get(this.engine.lockProfileSql, [name]);
    const row = await this.row(s, name);
    if (!row) return { kind: 'not-found' };
    return ifMatchAllows(ifMatch, row.draft_etag) ? row : { kind: 'stale', etag: row.draft_etag };
  }

  private record(
    s: SqlSession,
    name: string,
    actor: Actor,
    action: AuditAction,
    at: string,
    detail: object,
  ): Promise<void> {
    return this.audit.append(s, {
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
