/*
 * Readers of the profile server's JSON (`projects/profile-server`, `routes-admin.ts`): lists
 * wrapped as `{ profiles }`, `{ versions }`, `{ changes }`, `{ entries }`, the draft under
 * `draft`, a version's profile under `document`, version numbers as `number`. They also accept a
 * few other reasonable spellings (a bare list, `profile`, `version`), so a change of the answers
 * degrades gracefully; what the app relies on is in the models.
 */
import type { DeploymentProfile } from 'ngx-genesys-messenger-auth/profile';

import type {
  AuditEntry,
  ProfileChange,
  ProfileDraft,
  ProfileSummary,
  ProfileVersion,
  ProfileVersionSummary,
  ServerIssue,
} from './profiles-api.models';

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function int(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

function first(record: Json, keys: readonly string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

/** The items of a list answer: a bare array or the first array-valued property of `keys`. */
export function listOf(body: unknown, keys: readonly string[]): unknown[] {
  if (Array.isArray(body)) return body;
  if (isJson(body)) {
    for (const key of keys) if (Array.isArray(body[key])) return body[key] as unknown[];
  }
  return [];
}

function editorOf(record: Json): string | null {
  const value = first(record, ['lastEditor', 'updatedByName', 'updatedBy', 'editor', 'actor']);
  if (isJson(value)) return str(value['name']) ?? str(value['sub']);
  return str(value);
}

function publishedVersionOf(record: Json): number | null {
  const published = record['published'];
  return int(
    first(record, ['publishedVersion', 'latestVersion']) ??
      (isJson(published) ? published['version'] : undefined),
  );
}

/** The version portals get: `liveVersion`, else the latest while the status is `published`. */
function liveVersionOf(record: Json): number | null {
  if (record['liveVersion'] !== undefined) return int(record['liveVersion']);
  const status = str(record['status']);
  return status === null || status === 'published' ? publishedVersionOf(record) : null;
}

/** Reads `GET /admin/profiles`. */
export function readSummaries(body: unknown): ProfileSummary[] {
  return listOf(body, ['profiles', 'items'])
    .filter(isJson)
    .map((row) => ({
      name: str(row['name']) ?? '',
      status: str(row['status']) ?? (publishedVersionOf(row) ? 'published' : 'draft'),
      publishedVersion: publishedVersionOf(row),
      liveVersion: liveVersionOf(row),
      unpublishedChanges: row['unpublishedChanges'] === true,
      lastEditor: editorOf(row),
      updatedAt: str(first(row, ['updatedAt', 'updated', 'modifiedAt'])),
    }));
}

/** The profile inside an answer: `{ draft }`, `{ document }`, `{ profile }` or the body itself. */
function profileIn(body: Json): DeploymentProfile {
  const inner = first(body, ['draft', 'document', 'profile']);
  return (isJson(inner) ? inner : body) as unknown as DeploymentProfile;
}

function issuesOf(value: unknown): ServerIssue[] {
  return (Array.isArray(value) ? value : []).filter(isJson).map((issue) => ({
    path: str(issue['path']) ?? '',
    code: (str(issue['code']) ?? 'invalid-value') as ServerIssue['code'],
    message: str(issue['message']) ?? '',
    ...(str(issue['severity'])
      ? { severity: issue['severity'] as NonNullable<ServerIssue['severity']> }
      : {}),
  }));
}

/** Reads the issues of a 422 answer (`{ issues }` or `{ errors }`). */
export function readIssues(body: unknown): ServerIssue[] {
  return isJson(body) ? issuesOf(first(body, ['issues', 'errors'])) : [];
}

/**
 * Reads a draft answer.
 *
 * @param body The JSON body.
 * @param name The profile's name, when the body does not repeat it.
 * @param etag The `ETag` header; the body's `etag` when the header is not readable (CORS).
 */
export function readDraft(body: unknown, name: string, etag: string | null): ProfileDraft {
  const record = isJson(body) ? body : {};
  return {
    name: str(record['name']) ?? name,
    profile: profileIn(record),
    etag: etag ?? str(record['etag']) ?? '',
    warnings: issuesOf(record['warnings']),
    publishedVersion: publishedVersionOf(record),
    liveVersion: liveVersionOf(record),
    updatedBy: editorOf(record),
    updatedAt: str(first(record, ['updatedAt', 'updated'])),
  };
}

function versionSummaryOf(row: Json): ProfileVersionSummary {
  return {
    version: int(first(row, ['number', 'version'])) ?? 0,
    publishedAt: str(first(row, ['publishedAt', 'createdAt', 'at'])),
    publishedBy: str(first(row, ['publishedBy', 'createdBy', 'actor', 'editor'])),
  };
}

/** Reads `GET /admin/profiles/:name/versions`, newest first. */
export function readVersions(body: unknown): ProfileVersionSummary[] {
  return listOf(body, ['versions', 'items'])
    .filter(isJson)
    .map(versionSummaryOf)
    .sort((a, b) => b.version - a.version);
}

/** Reads `GET /admin/profiles/:name/versions/:n`. */
export function readVersion(body: unknown): ProfileVersion {
  const record = isJson(body) ? body : {};
  return { ...versionSummaryOf(record), profile: profileIn(record) };
}

/** Reads `GET /admin/profiles/:name/diff`. */
export function readChanges(body: unknown): ProfileChange[] {
  return listOf(body, ['changes', 'diff', 'items'])
    .filter(isJson)
    .map((row) => ({ path: str(row['path']) ?? '', before: row['before'], after: row['after'] }));
}

/** Reads `GET /admin/audit`, newest first as the server sends it. */
export function readAudit(body: unknown): AuditEntry[] {
  return listOf(body, ['entries', 'audit', 'items'])
    .filter(isJson)
    .map((row) => {
      const detail = row['detail'] ?? row['details'];
      return {
        id: int(row['id']),
        at: str(first(row, ['at', 'timestamp', 'time', 'createdAt'])),
        actor: str(first(row, ['actorName', 'actor', 'user', 'editor', 'by'])),
        action: str(first(row, ['action', 'event', 'type'])) ?? 'unknown',
        profile: str(first(row, ['profile', 'name', 'profileName'])),
        version: int(row['version']) ?? (isJson(detail) ? int(detail['version']) : null),
        detail: describeDetail(detail),
      };
    });
}

/** An audit entry's detail in words: the changed fields of an update, else its own fields. */
function describeDetail(detail: unknown): string | null {
  if (detail === undefined || detail === null) return null;
  if (typeof detail === 'string') return detail || null;
  if (!isJson(detail)) return JSON.stringify(detail);
  const changes = detail['changes'];
  if (Array.isArray(changes)) {
    const paths = changes.filter(isJson).map((change) => String(change['path']));
    return paths.length ? `Changed ${paths.join(', ')}` : 'No field changed';
  }
  const rest = Object.entries(detail).filter(([key]) => key !== 'version');
  return rest.length
    ? rest.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')
    : null;
}

/** Reads the current entity tag out of a 412 answer. */
export function readStaleEtag(body: unknown): string | null {
  return isJson(body) ? str(first(body, ['etag', 'currentEtag', 'current'])) : null;
}
