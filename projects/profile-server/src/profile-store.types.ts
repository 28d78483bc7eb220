/**
 * What the profile store hands out and takes: summaries, drafts, versions, actors and the outcomes
 * of conditional changes. Engine-neutral: a store on another database returns the same shapes.
 */

/** Who changes something (from the verified token). */
export interface Actor {
  readonly sub: string;
  readonly name: string;
}

/**
 * Where a profile stands: `draft` before its first publish, `published` while portals get its
 * live version, `unpublished` after an explicit unpublish (its versions are kept).
 */
export type ProfileStatus = 'draft' | 'published' | 'unpublished';

/** One profile in the list. */
export interface ProfileSummary {
  readonly name: string;
  readonly status: ProfileStatus;
  /** The newest published version, or null. */
  readonly latestVersion: number | null;
  /** The version portals get (the newest, unless unpublished), or null. */
  readonly liveVersion: number | null;
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

/** The outcome of publishing a draft or republishing a version. */
export type PublishOutcome =
  | { readonly kind: 'published'; readonly version: VersionSummary; readonly etag: string }
  | { readonly kind: 'unchanged'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: unknown }
  | { readonly kind: 'no-such-version'; readonly number: number }
  | ChangeRefused;

/** The outcome of {@link ProfileStore.unpublish}. */
export type UnpublishOutcome =
  | { readonly kind: 'unpublished'; readonly record: DraftRecord }
  | { readonly kind: 'not-live'; readonly status: 'draft' | 'unpublished' }
  | ChangeRefused;

/** The outcome of {@link ProfileStore.delete}. */
export type DeleteOutcome =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'published'; readonly version: number }
  | ChangeRefused;

/** Checks a document before it is published: undefined when it may be, else the reason. */
export type PublishCheck = (document: unknown) => unknown;
