/** The append-only audit trail: who did what to which profile, and when. */
import type { SqlSession, SqlValue, StoreEngine } from './sql-engine';

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
  /** @param engine an open, migrated database */
  constructor(private readonly engine: StoreEngine) {}

  /** Appends an entry on the session of the change it records (inside its transaction). */
  async append(session: SqlSession, entry: NewAuditEntry): Promise<void> {
    await session.run(
      `INSERT INTO audit (profile, actor, actor_name, action, at, detail)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        entry.profile,
        entry.actor,
        entry.actorName,
        entry.action,
        entry.at,
        JSON.stringify(entry.detail),
      ],
    );
  }

  /** Entries, newest first. */
  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (query.profile !== undefined) {
      where.push('profile = ?');
      params.push(query.profile);
    }
    if (query.before !== undefined) {
      where.push('id < ?');
      params.push(query.before);
    }
    const rows = await this.engine.read((session) =>
      session.all<Omit<AuditEntry, 'detail'> & { detail: string }>(
        `SELECT id, profile, actor, actor_name AS "actorName", action, at, detail FROM audit
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
        [...params, query.limit],
      ),
    );
    return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as object }));
  }
}
