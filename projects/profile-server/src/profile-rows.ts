/** The SQL rows of the profile store and how they map to its types. */
import type { JsonChange } from './json-diff';
import type { ProfileSummary } from './profile-store.types';

/** The largest number of field changes an audit entry lists. */
export const MAX_AUDITED_CHANGES = 100;

/** A profile joined with its newest version. */
export interface ProfileRow {
  name: string;
  draft: string;
  draft_etag: string;
  updated_by: string;
  updated_at: string;
  unpublished_at: string | null;
  latest: number | null;
  latest_document: string | null;
}

/** Selects {@link ProfileRow}s; append a WHERE or ORDER BY. */
export const SELECT_PROFILES = `
  SELECT p.name, p.draft, p.draft_etag, p.updated_by, p.updated_at, p.unpublished_at,
         v.number AS latest, v.document AS latest_document
  FROM profiles p
  LEFT JOIN versions v
    ON v.profile = p.name AND v.number = (SELECT max(number) FROM versions WHERE profile = p.name)`;

/** The summary of a row. */
export function summaryOf(row: ProfileRow): ProfileSummary {
  const live = row.latest !== null && row.unpublished_at === null;
  return {
    name: row.name,
    status: row.latest === null ? 'draft' : live ? 'published' : 'unpublished',
    latestVersion: row.latest,
    liveVersion: live ? row.latest : null,
    unpublishedChanges: row.latest_document !== row.draft,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** An audit detail listing changes, at most {@link MAX_AUDITED_CHANGES} of them. */
export function changesDetail(changes: JsonChange[]): object {
  return changes.length > MAX_AUDITED_CHANGES
    ? {
        changes: changes.slice(0, MAX_AUDITED_CHANGES),
        moreChanges: changes.length - MAX_AUDITED_CHANGES,
      }
    : { changes };
}
