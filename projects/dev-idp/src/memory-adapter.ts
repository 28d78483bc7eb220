/**
 * An in-memory storage adapter for oidc-provider. Equivalent to its built-in quick-start adapter,
 * which we do not use because it warns on every start; state is lost on restart (dev IdP).
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/** Models whose records belong to a grant and die with it (`revokeByGrantId`). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

const SWEEP_INTERVAL_MS = 60_000;

class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new Map<string, string>();
  private readonly grants = new Map<string, Set<string>>();
  private lastSweep = Date.now();

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    return entry?.payload;
  }

  set(key: string, payload: AdapterPayload, expiresIn: number | undefined): void {
    this.sweep();
    this.delete(key);
    const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000;
    this.entries.set(key, { payload, expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  setIndex(indexKey: string, key: string): void {
    this.index.set(indexKey, key);
  }

  getIndexed(indexKey: string): AdapterPayload | undefined {
    const key = this.index.get(indexKey);
    const payload = key === undefined ? undefined : this.get(key);
    if (!payload) {
      this.index.delete(indexKey);
    }
    return payload;
  }

  addToGrant(grantId: string, key: string): void {
    const members = this.grants.get(grantId) ?? new Set<string>();
    members.add(key);
    this.grants.set(grantId, members);
  }

  revokeGrant(grantId: string): void {
    for (const key of this.grants.get(grantId) ?? []) {
      this.delete(key);
    }
    this.grants.delete(grantId);
  }

  /** Drops expired records now and then, so a long-running dev IdP does not grow without bound. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) {
      return;
    }
    this.lastSweep = now;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
      }
    }
    for (const [indexKey, key] of this.index) {
      if (!this.entries.has(key)) {
        this.index.delete(indexKey);
      }
    }
    for (const [grantId, members] of this.grants) {
      for (const key of members) {
        if (!this.entries.has(key)) {
          members.delete(key);
        }
      }
      if (members.size === 0) {
        this.grants.delete(grantId);
      }
    }
  }
}

class MemoryAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: MemoryStore,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const key = this.key(id);
    this.store.set(key, payload, expiresIn);
    if (this.model === 'Session' && typeof payload.uid === 'string') {
      this.store.setIndex(`sessionUid:${payload.uid}`, key);
    }
    if (typeof payload.userCode === 'string') {
      this.store.setIndex(`userCode:${payload.userCode}`, key);
    }
    if (GRANTABLE.has(this.model) && typeof payload.grantId === 'string') {
      this.store.addToGrant(payload.grantId, key);
    }
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.store.getIndexed(`sessionUid:${uid}`);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.store.getIndexed(`userCode:${userCode}`);
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) {
      payload.consumed = Math.floor(Date.now() / 1000);
    }
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.revokeGrant(grantId);
  }
}

/**
 * Creates the adapter factory for oidc-provider's `adapter` option; one store per call, so each
 * provider instance has its own state.
 * @returns a factory creating one adapter per model name
 */
export function createMemoryAdapter(): (model: string) => Adapter {
  const store = new MemoryStore();
  return (model) => new MemoryAdapter(model, store);
}
