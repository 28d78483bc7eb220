/*
 * Paging of the audit trail. The profile server pages by cursor (`GET /admin/audit?before=&limit=`,
 * newest first, no total), so the page asks for one entry more than it shows: that extra entry
 * says whether older ones exist, without a request that comes back empty.
 */
import type { AuditEntry } from '../api/profiles-api.models';

/** How many entries the audit page adds at a time. */
export const AUDIT_PAGE_SIZE = 50;

/** One page of the trail, cut from an answer. */
export interface AuditSlice {
  /** The entries to show, newest first. */
  readonly entries: readonly AuditEntry[];
  /** The id to ask for the entries before; `null` when there are none (or no id to page by). */
  readonly before: number | null;
}

/**
 * The `limit` to ask for a page of `pageSize` entries.
 *
 * @param pageSize The entries a page shows.
 * @returns One more than `pageSize`.
 */
export function auditLimit(pageSize: number): number {
  return pageSize + 1;
}

/**
 * Cuts an answer asked for with {@link auditLimit} to one page.
 *
 * @param fetched The entries the server sent, newest first.
 * @param pageSize The entries a page shows.
 * @returns The page and the cursor of the next one.
 */
export function auditSlice(fetched: readonly AuditEntry[], pageSize: number): AuditSlice {
  const entries = fetched.slice(0, pageSize);
  const last = entries.at(-1)?.id ?? null;
  return { entries, before: fetched.length > pageSize ? last : null };
}
