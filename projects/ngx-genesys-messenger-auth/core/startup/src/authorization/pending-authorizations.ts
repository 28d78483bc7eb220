/** How an authorization attempt was started. */
export type AuthorizationMode = 'silent-iframe' | 'silent-redirect' | 'interactive';

/** One authorization attempt, kept (without secrets ever leaving the tab) until its answer. */
export interface PendingAuthorization {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly mode: AuthorizationMode;
  /** Where the page was (path, query, hash) and its scroll position, for redirect modes. */
  readonly returnTo: string;
  readonly scrollY: number;
  readonly createdAt: number;
}

/** How long an authorization attempt waits for its answer; older answers are refused. */
export const MAX_PENDING_AGE_MS = 10 * 60_000;

/**
 * The bridge's authorization attempts waiting for their answers, in this tab's sessionStorage
 * under `<namespace>:pending-authorizations`: what the redirect capture (main entry, at start-up)
 * reads. The engine's `AuthorizationStore` extends it with the writing side.
 */
export class PendingAuthorizations {
  /** The storage key of the attempts. */
  protected readonly pendingKey: string;

  constructor(
    protected readonly storage: Storage,
    namespace: string,
  ) {
    this.pendingKey = `${namespace}:pending-authorizations`;
  }

  /** Removes and returns the attempt with this state, if there is one. */
  take(state: string): PendingAuthorization | undefined {
    const all = this.all();
    const found = all.find((p) => p.state === state);
    if (found)
      writeList(
        this.storage,
        this.pendingKey,
        all.filter((p) => p !== found),
      );
    return found;
  }

  /** Every attempt kept. */
  protected all(): PendingAuthorization[] {
    return readList<PendingAuthorization>(this.storage, this.pendingKey);
  }
}

/** A JSON array kept under a storage key; a damaged entry reads as an empty list. */
export function readList<T>(storage: Storage, key: string): T[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    // A damaged entry is as good as none: the guard or the attempt starts again.
    return [];
  }
}

/** Writes a JSON array under a storage key, or removes the key when the list is empty. */
export function writeList(storage: Storage, key: string, values: readonly unknown[]): void {
  if (values.length) storage.setItem(key, JSON.stringify(values));
  else storage.removeItem(key);
}
