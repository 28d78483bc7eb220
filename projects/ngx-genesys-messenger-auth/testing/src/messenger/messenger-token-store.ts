import { messengerTokenKeys } from 'ngx-genesys-messenger-auth/core';

/**
 * Messenger's token storage: localStorage, shared by every tab of the origin, kept until logout.
 * Reads go to storage each time, so a token another tab stored is seen at once.
 */
export class MessengerTokenStore {
  private readonly keys: ReturnType<typeof messengerTokenKeys>;

  constructor(
    private readonly storage: Storage,
    deploymentId: string,
  ) {
    this.keys = messengerTokenKeys(deploymentId);
  }

  /** The stored JWT, if any. */
  get jwt(): string | null {
    return this.storage.getItem(this.keys.jwt);
  }

  /** The stored refresh token, if any. */
  get refreshToken(): string | null {
    return this.storage.getItem(this.keys.refreshToken);
  }

  /** Stores a JWT and, when given, a refresh token. */
  save(jwt: string, refreshToken?: string): void {
    this.storage.setItem(this.keys.jwt, jwt);
    if (refreshToken !== undefined) this.storage.setItem(this.keys.refreshToken, refreshToken);
  }

  /** Removes both tokens. */
  clear(): void {
    this.storage.removeItem(this.keys.jwt);
    this.storage.removeItem(this.keys.refreshToken);
  }

  /** Whether a `storage` event (from another tab) removed the JWT — that tab logged out. */
  isRemoval(event: StorageEvent): boolean {
    return event.key === this.keys.jwt && event.newValue === null;
  }
}
