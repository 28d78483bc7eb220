import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  formatErrorCode,
  isMessengerAuthError,
  regionOf,
  validateMessengerAuthConfig,
  type MessengerAuthConfig,
  type ResolvedMessengerAuthConfig,
  ɵDEV_MODE as DEV_MODE,
} from 'ngx-genesys-messenger-auth/core';
// Type-only: the main entry point must not bundle the profile schema's runtime.
import type { PublishedProfileDocument } from 'ngx-genesys-messenger-auth/profile';
import { MessengerAuthLogLevel, type MessengerAuthLogger } from 'ngx-genesys-messenger-auth/core';

/** The parts of a published profile document the bridge reads. */
export type RemoteProfileDocument = Pick<PublishedProfileDocument, 'name' | 'version' | 'bridge'>;

/** A loaded profile, the configuration it resolves to, and where it came from. */
export interface LoadedProfile {
  readonly document: RemoteProfileDocument;
  /** The portal's own settings with the document's over them, validated. */
  readonly config: ResolvedMessengerAuthConfig;
  /**
   * `network`: fresh from the profile server; `cache`: the last good copy, because the server did
   * not answer or published a document this portal refuses.
   */
  readonly source: 'network' | 'cache';
}

/** What loading needs. */
export interface ProfileLoadOptions {
  readonly storage: Storage;
  readonly fetchFn?: typeof fetch;
  /** How long to wait for the profile server before using the cached copy. */
  readonly timeoutMs: number;
  /** The settings written in the portal (`provideMessengerAuth(config)`); the document's win. */
  readonly setup?: Partial<MessengerAuthConfig>;
  /** Origins (checked by `withRemoteProfile`) a document may name as its `environment`. */
  readonly allowedEnvironmentOrigins?: readonly string[];
  /** Told, as a warning, when the last good copy stands in for the server's answer. */
  readonly logger?: MessengerAuthLogger;
}

/** A document with the configuration it resolves to. */
type CheckedProfile = Pick<LoadedProfile, 'document' | 'config'>;

const cacheKey = (url: string) => `ngma:profile:${url}`;

/**
 * Loads a published deployment profile at start-up. A document is validated before anything
 * else: only a valid one becomes the last good copy, kept in localStorage. When the server does
 * not answer, or answers with a document this portal refuses (NGMA4181), the portal runs on that
 * copy (re-validated) and the logger is warned; with no good copy, the error is coded (NGMA4180
 * or NGMA4181).
 * @param url the published document's URL
 * @param options storage, timeout, the portal's settings and its environment allow-list
 * @returns the document, its resolved configuration and its source
 * @throws MessengerAuthError `INVALID_CONFIG` when the portal's own settings are invalid
 */
export async function loadRemoteProfile(
  url: string,
  options: ProfileLoadOptions,
): Promise<LoadedProfile> {
  let failure: unknown;
  try {
    const fresh = checkDocument(await fetchDocument(url, options), url, options);
    options.storage.setItem(cacheKey(url), JSON.stringify(fresh.document));
    return { ...fresh, source: 'network' };
  } catch (error) {
    if (isPortalMistake(error)) throw error;
    failure = error;
  }
  const cached = readCache(url, options);
  if (!cached) {
    throw isMessengerAuthError(failure) ? failure : unavailable(url, failure, 'no copy is cached');
  }
  const problem = isMessengerAuthError(failure) ? failure : unavailable(url, failure);
  options.logger?.log(
    MessengerAuthLogLevel.Warn,
    `${problem.message}; using the last good copy (version ${cached.document.version})`,
  );
  return { ...cached, source: 'cache' };
}

async function fetchDocument(url: string, options: ProfileLoadOptions): Promise<unknown> {
  const fetchFn = options.fetchFn ?? ((...args) => fetch(...args));
  const response = await fetchFn(url, {
    credentials: 'omit',
    // Revalidate at every start (a cheap 304 with the ETag): a profile just published must win.
    cache: 'no-cache',
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The document and its configuration, or the coded reason this portal refuses it. */
function checkDocument(value: unknown, url: string, options: ProfileLoadOptions): CheckedProfile {
  const document = readDocument(value, url);
  let config: ResolvedMessengerAuthConfig;
  try {
    config = validateMessengerAuthConfig({ ...options.setup, ...document.bridge });
  } catch (error) {
    throw blame(error, document.bridge, url, options.setup);
  }
  const named = document.bridge.environment;
  const allowed = options.allowedEnvironmentOrigins ?? [];
  if (
    named !== undefined &&
    !regionOf(config.environment) &&
    !allowed.includes(config.environment)
  ) {
    // Messenger's script is loaded from the environment: a profile must not choose any origin.
    throw new MessengerAuthError(
      MessengerAuthErrorCode.INVALID_PROFILE,
      DEV_MODE &&
        `the deployment profile ${url} names environment ${config.environment}, which is not a ` +
          'Genesys region; if you trust that origin, allow it with ' +
          'withRemoteProfile(url, { allowedEnvironmentOrigins: [...] })',
      { field: 'environment' },
    );
  }
  return { document, config };
}

function readDocument(value: unknown, url: string): RemoteProfileDocument {
  const doc = value as Partial<RemoteProfileDocument> | null;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    typeof doc.bridge !== 'object' ||
    doc.bridge === null
  ) {
    throw new MessengerAuthError(
      MessengerAuthErrorCode.INVALID_PROFILE,
      DEV_MODE && `${url} is not a published deployment profile (no "bridge" object)`,
    );
  }
  return {
    name: String(doc.name ?? ''),
    version: typeof doc.version === 'number' ? doc.version : null,
    bridge: doc.bridge,
  };
}

/**
 * A configuration error is the profile's unless the field comes from the portal's own settings:
 * those are reported as they are (`INVALID_CONFIG`), as no cached copy can mend them.
 */
function blame(error: unknown, bridge: object, url: string, setup: object = {}): unknown {
  if (!isPortalMistake(error)) return error;
  const key = error.field?.split(/[.[]/)[0] ?? '';
  if (Object.hasOwn(setup, key) && !Object.hasOwn(bridge, key)) return error;
  const detail = error.message.slice(formatErrorCode(error.code).length + 2);
  return new MessengerAuthError(
    MessengerAuthErrorCode.INVALID_PROFILE,
    DEV_MODE && `the deployment profile ${url} is invalid: ${detail}`,
    { field: error.field, cause: error },
  );
}

function isPortalMistake(error: unknown): error is MessengerAuthError {
  return isMessengerAuthError(error, MessengerAuthErrorCode.INVALID_CONFIG);
}

function readCache(url: string, options: ProfileLoadOptions): CheckedProfile | undefined {
  try {
    const raw = options.storage.getItem(cacheKey(url));
    return raw ? checkDocument(JSON.parse(raw), url, options) : undefined;
  } catch (error) {
    if (isPortalMistake(error)) throw error;
    // A damaged copy, or one today's rules refuse, is as good as none (and is left as it is).
    return undefined;
  }
}

function unavailable(url: string, failure: unknown, outcome?: string): MessengerAuthError {
  const tail = outcome ? ` and ${outcome}` : '';
  return new MessengerAuthError(
    MessengerAuthErrorCode.PROFILE_UNAVAILABLE,
    DEV_MODE && `the deployment profile ${url} could not be loaded (${describe(failure)})${tail}`,
    { cause: failure },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
