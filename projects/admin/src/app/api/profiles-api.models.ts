import type { DeploymentProfile, ProfileIssue } from 'ngx-genesys-messenger-auth/profile';

/** One row of `GET /admin/profiles`. */
export interface ProfileSummary {
  /** The profile's name (also its URL segment). */
  readonly name: string;
  /** The server's status word: `draft`, `published` or `unpublished`. */
  readonly status: string;
  /** The latest published version, `null` when never published. */
  readonly publishedVersion: number | null;
  /** The version portals get, `null` when none (never published, or unpublished). */
  readonly liveVersion: number | null;
  /** Whether the draft differs from the latest published version. */
  readonly unpublishedChanges: boolean;
  /** Who saved the draft last. */
  readonly lastEditor: string | null;
  /** When the draft was saved last (ISO 8601). */
  readonly updatedAt: string | null;
}

/** An issue as the server reports it; `severity` may be missing. */
export type ServerIssue = Pick<ProfileIssue, 'path' | 'code' | 'message'> &
  Partial<Pick<ProfileIssue, 'severity'>>;

/** The draft of a profile, `GET /admin/profiles/:name` (and the answer to a save). */
export interface ProfileDraft {
  /** The profile's name. */
  readonly name: string;
  /** The draft as the server stores it. */
  readonly profile: DeploymentProfile;
  /** The draft's entity tag, for `If-Match` on the next save or publish. */
  readonly etag: string;
  /** The server's warnings about the draft. */
  readonly warnings: readonly ServerIssue[];
  /** The latest published version, `null` when never published. */
  readonly publishedVersion: number | null;
  /** The version portals get, `null` when none (never published, or unpublished). */
  readonly liveVersion: number | null;
  /** Who saved the draft last. */
  readonly updatedBy: string | null;
  /** When the draft was saved last (ISO 8601). */
  readonly updatedAt: string | null;
}

/** One entry of `GET /admin/profiles/:name/versions`. */
export interface ProfileVersionSummary {
  /** The version number, from 1. */
  readonly version: number;
  /** When it was published (ISO 8601). */
  readonly publishedAt: string | null;
  /** Who published it. */
  readonly publishedBy: string | null;
}

/** `GET /admin/profiles/:name/versions/:n`. */
export interface ProfileVersion extends ProfileVersionSummary {
  /** The profile as published. */
  readonly profile: DeploymentProfile;
}

/** One changed field between two states of a profile; `undefined` = absent on that side. */
export interface ProfileChange {
  /** The dotted path of the field, e.g. `idp.accessTokenLifetimeSeconds`. */
  readonly path: string;
  /** The value before. */
  readonly before: unknown;
  /** The value after. */
  readonly after: unknown;
}

/** What a diff compares: a published version or the current draft. */
export type DiffSide = number | 'draft';

/** One entry of `GET /admin/audit`. */
export interface AuditEntry {
  /** The entry's id, increasing with time; the cursor for the entries before it. */
  readonly id: number | null;
  /** When it happened (ISO 8601). */
  readonly at: string | null;
  /** Who did it. */
  readonly actor: string | null;
  /** What was done, e.g. `create`, `save`, `publish`, `delete`. */
  readonly action: string;
  /** The profile concerned. */
  readonly profile: string | null;
  /** The version concerned, if any. */
  readonly version: number | null;
  /** More detail, if the server gives any. */
  readonly detail: string | null;
}

/** What `GET /admin/audit` is asked for. */
export interface AuditQuery {
  /** Only this profile's entries; all profiles when absent. */
  readonly profile?: string;
  /** Only entries older than the one with this id (the next page). */
  readonly before?: number;
  /** At most this many entries (the server's default when absent). */
  readonly limit?: number;
}

/** The answer to `POST /admin/profiles/:name/publish`. */
export interface PublishResult {
  /** The version just published. */
  readonly version: number;
  /** The draft's entity tag after publishing, when the server sends one. */
  readonly etag: string | null;
}
