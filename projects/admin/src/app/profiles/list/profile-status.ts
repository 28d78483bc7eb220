import type { ProfileSummary } from '../../api/profiles-api.models';

/**
 * The status a profile row shows: "Draft" until it is published, then the published version and
 * whether the draft has changed since; "Unpublished" once portals no longer get it.
 *
 * @param summary The row.
 */
export function statusLabel(
  summary: Pick<ProfileSummary, 'status' | 'publishedVersion' | 'unpublishedChanges'>,
): string {
  if (summary.publishedVersion === null) return 'Draft';
  if (summary.status === 'unpublished') return `Unpublished (last v${summary.publishedVersion})`;
  const published = `Published v${summary.publishedVersion}`;
  return summary.unpublishedChanges ? `${published} + draft changes` : published;
}

/**
 * A timestamp as the lists show it, in the user's locale; the raw text when it is not a date.
 *
 * @param iso An ISO 8601 timestamp, or null.
 */
export function shortDateTime(iso: string | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
