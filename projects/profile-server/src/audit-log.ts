/** The append-only audit trail: who did what to which profile, and when. */
import type { Db } from './database';

/** What was done. */
export type AuditAction = 'create' | 'update' | 'publish' | 'republish' | 'unpublish' | 'delete';

/** One entry to append. */
export interface NewAuditEntry {
  readonly profile: string;
  /** The actor's subject (`sub`). */
  readonly actor: string;
  /** The actor's readable name. */
  readonly actorName: string;
  readonly action: AuditAction;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** What changed: `{changes: [{path, before, after}]}` for an update, `{version}` for a publish … */
  readonly detail: object;
}

/** One stored entry. */
export interface AuditEntry extends NewAuditEntry {
  readonly id: number;
}

/** Filters of {@link AuditLog.list}. */
export interface AuditQuery {
  /** Only this profile's entries. */
  readonly profile?: string;
  /** Only entries with an id below this (the page after the last one seen). */
  readonly before?: number;
  /** At most this many entries. */
  readonly limit: number;
}

/** The audit table. Entries cannot be changed or removed (the schema refuses it). */
export class AuditLog {
  /** @param db an open, migrated connection */
  constructor(private readonly db: Db) {}

  /** Appends an entry (call inside the transaction of the change it records). */
  append(entry: NewAuditEntry): void {
    this.db
      .prepare(
        `INSERT INTO audit (profile, actor, actor_name, action, at, detail)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.profile,
        entry.actor,
        entry.actorName,
        entry.action,
        entry.at,
        JSON.stringify(entry.detail),
      );
  }

  /** Entries, newest first. */
  list(query: AuditQuery): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id, profile, actor, actor_name AS actorName, action, at, detail FROM audit
         WHERE (@profile IS NULL OR profile = @profile) AND (@before IS NULL OR id < @before)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({
        profile: query.profile ?? null,
        before: query.before ?? null,
        limit: query.limit,
      }) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
    return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as object }));
  }
}
