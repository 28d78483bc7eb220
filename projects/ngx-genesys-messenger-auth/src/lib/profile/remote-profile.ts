import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type MessengerAuthConfig,
} from 'ngx-genesys-messenger-auth/core';

/** The parts of a published profile document the bridge reads (see `/profile`'s `publishedDocument`). */
export interface RemoteProfileDocument {
  readonly name: string;
  readonly version: number | null;
  readonly bridge: MessengerAuthConfig;
}

/** A loaded profile and where it came from. */
export interface LoadedProfile {
  readonly document: RemoteProfileDocument;
  /** `network`: fresh from the profile server; `cache`: the last copy, the server did not answer. */
  readonly source: 'network' | 'cache';
}

/** What loading needs. */
export interface RemoteProfileOptions {
  readonly storage: Storage;
  readonly fetchFn?: typeof fetch;
  /** How long to wait for the profile server before using the cached copy. */
  readonly timeoutMs: number;
}

const cacheKey = (url: string) => `ngma:profile:${url}`;

/**
 * Loads a published deployment profile at start-up. The last good copy is kept in localStorage,
 * so a portal still starts when the profile server is down; with neither, the error is coded
 * (NGMA4180). A document without a `bridge` object is refused (NGMA4181).
 */
export async function loadRemoteProfile(
  url: string,
  options: RemoteProfileOptions,
): Promise<LoadedProfile> {
  const fetchFn = options.fetchFn ?? ((...args) => fetch(...args));
  let failure: unknown;
  try {
    const response = await fetchFn(url, {
      credentials: 'omit',
      // Revalidate at every start (a cheap 304 with the ETag): a profile just published must win.
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const document = readDocument(await response.json(), url);
    options.storage.setItem(cacheKey(url), JSON.stringify(document));
    return { document, source: 'network' };
  } catch (error) {
    if (error instanceof MessengerAuthError) throw error;
    failure = error;
  }
  const cached = readCache(options.storage, url);
  if (cached) return { document: cached, source: 'cache' };
  throw new MessengerAuthError(
    MessengerAuthErrorCode.PROFILE_UNAVAILABLE,
    `the deployment profile ${url} could not be loaded (${describe(failure)}) and no copy is cached`,
    { cause: failure },
  );
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
      `${url} is not a published deployment profile (no "bridge" object)`,
    );
  }
  return {
    name: String(doc.name ?? ''),
    version: typeof doc.version === 'number' ? doc.version : null,
    bridge: doc.bridge,
  };
}

function readCache(storage: Storage, url: string): RemoteProfileDocument | undefined {
  try {
    const raw = storage.getItem(cacheKey(url));
    return raw ? readDocument(JSON.parse(raw), url) : undefined;
  } catch {
    // A damaged cache entry is as good as none.
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
