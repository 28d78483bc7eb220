import { Observable, Subject } from 'rxjs';

/**
 * What one tab tells the others. Only fingerprints and times travel between tabs, never a token:
 * the types leave no field to put one in.
 */
export type TabEvent =
  | {
      readonly type: 'jwt-observed';
      /** A short fingerprint of the JWT (e.g. the last characters of its hash), not the JWT. */
      readonly fingerprint: string;
      /** Local wall-clock time (ms) at which the JWT arrived. */
      readonly receivedAt: number;
      /** The JWT's lifetime (`exp - iat`) in ms. */
      readonly lifetimeMs: number;
    }
  | { readonly type: 'session-ended'; readonly reason: string }
  | { readonly type: 'signed-out' };

/** A {@link TabEvent} as received: with the sending tab's random id and its send time (ms). */
export type TabMessage = TabEvent & { readonly from: string; readonly at: number };

/** Browser objects {@link TabChannel} uses; each defaults to the current page's. */
export interface TabChannelEnv {
  /** The BroadcastChannel constructor; `null` forces the localStorage fallback. */
  readonly BroadcastChannel?: typeof BroadcastChannel | null;
  /** The storage of the fallback, usually the window's `localStorage`. */
  readonly storage?: Storage;
  /** The window whose `storage` events the fallback listens to. */
  readonly window?: Window;
}

/**
 * Tabs of one origin telling each other what happened. Uses BroadcastChannel when present, else
 * writes each message under `<name>:msg` in localStorage and removes it at once, which fires a
 * `storage` event in every other same-origin document.
 */
export class TabChannel {
  /** This tab's random id, carried in every message as `from`. */
  readonly id = randomId();
  private readonly incoming = new Subject<TabMessage>();
  /** Messages posted by other tabs (never this instance's own). Completes on {@link close}. */
  readonly messages$: Observable<TabMessage> = this.incoming.asObservable();
  private readonly send: (message: TabMessage) => void;
  private readonly stop: () => void;
  private closed = false;

  /**
   * @param name the channel name; tabs with the same name hear each other
   * @param env browser objects to use instead of the current page's (tests, frames)
   */
  constructor(name: string, env: TabChannelEnv = {}) {
    const win = env.window ?? window;
    const Channel =
      env.BroadcastChannel === undefined ? globalThis.BroadcastChannel : env.BroadcastChannel;
    const receive = (data: unknown) => {
      if (isTabMessage(data) && data.from !== this.id) this.incoming.next(data);
    };
    if (Channel) {
      const channel = new Channel(name);
      channel.onmessage = (event: MessageEvent) => receive(event.data);
      this.send = (message) => channel.postMessage(message);
      this.stop = () => channel.close();
    } else {
      const storage = env.storage ?? win.localStorage;
      const key = `${name}:msg`;
      const onStorage = (event: StorageEvent) => {
        if (event.key !== key || !event.newValue || event.storageArea !== storage) return;
        receive(withoutNonce(parseJson(event.newValue)));
      };
      win.addEventListener('storage', onStorage);
      this.send = (message) => {
        // The nonce makes every write a change, so even identical messages fire an event.
        storage.setItem(key, JSON.stringify({ ...message, nonce: randomId() }));
        storage.removeItem(key);
      };
      this.stop = () => win.removeEventListener('storage', onStorage);
    }
  }

  /**
   * Tells the other tabs; this instance does not hear its own message. Ignored after close.
   * @param event what happened; `from` and `at` are added here
   */
  post(event: TabEvent): void {
    if (this.closed) return;
    this.send({ ...event, from: this.id, at: Date.now() });
  }

  /** Stops listening and sending, and completes {@link messages$}. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.incoming.complete();
  }
}

const STRING_FIELDS: Record<TabEvent['type'], readonly string[]> = {
  'jwt-observed': ['fingerprint'],
  'session-ended': ['reason'],
  'signed-out': [],
};
const NUMBER_FIELDS: Record<TabEvent['type'], readonly string[]> = {
  'jwt-observed': ['receivedAt', 'lifetimeMs'],
  'session-ended': [],
  'signed-out': [],
};

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !Object.hasOwn(STRING_FIELDS, type)) return false;
  const kind = type as TabEvent['type'];
  return (
    typeof record['from'] === 'string' &&
    typeof record['at'] === 'number' &&
    STRING_FIELDS[kind].every((field) => typeof record[field] === 'string') &&
    NUMBER_FIELDS[kind].every((field) => typeof record[field] === 'number')
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Another writer's value under our key; not a message of ours, so it is ignored.
    return undefined;
  }
}

function withoutNonce(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const message = { ...(data as Record<string, unknown>) };
  delete message['nonce'];
  return message;
}

function randomId(): string {
  // getRandomValues, unlike randomUUID, also works outside secure contexts.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
