import {
  readJwtTimes,
  type GenesysAuthCodeResult,
  type GenesysCommandEvent,
  type GenesysPlugin,
} from 'ngx-genesys-messenger-auth/core';
import type { GenesysBackend } from '../backend/genesys-backend';
import type { DeploymentConfig } from '../backend/token-ports';
import type { MessengerTokenStore } from './messenger-token-store';
import type { MessengerVariants } from './messenger-variants';

/** Where Messenger's authentication stands, as its widget shows it. */
export type MessengerAuthStatus =
  'starting' | 'anonymous' | 'authenticating' | 'authenticated' | 'reauthenticate';

/** What the emulated Auth plugin needs. */
export interface AuthPluginContext {
  /** The plugin object the bus gave the `Auth` plugin. */
  readonly plugin: GenesysPlugin;
  readonly backend: GenesysBackend;
  readonly tokens: MessengerTokenStore;
  readonly deploymentId: string;
  readonly variants: MessengerVariants;
  /** The page's clock, ms since the epoch. */
  readonly now: () => number;
  /** Reports status changes to the widget. */
  readonly onStatus: (status: MessengerAuthStatus) => void;
  /** Drops the kept `Auth.authenticated`, so later subscribers do not hear a dead session. */
  readonly forgetAuthenticated: () => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What Messenger's error events carry. */
export interface MessengerErrorData {
  readonly message: string;
  /**
   * The HTTP status of the Genesys answer behind the error (e.g. 429 over the per-minute limits);
   * absent when no Genesys call failed. The sources show only `{message}` (contract §3): `status`
   * is inferred [I], so that a page can tell "wait" (429) from "signed out" (400/401).
   */
  readonly status?: number;
  /** For a 429: the seconds Genesys' `Retry-After` asked to wait, when it sent one [I]. */
  readonly retryAfterSeconds?: number;
}

/**
 * The data of an `Auth.*Error` event for an error: its message and, when known, its HTTP status
 * and `Retry-After`.
 */
function errorData(error: unknown): MessengerErrorData {
  const { status, retryAfterSeconds } = (error ?? {}) as {
    status?: unknown;
    retryAfterSeconds?: unknown;
  };
  return {
    message: message(error),
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
  };
}

/**
 * Messenger's own Auth plugin (contract §3), with the field-observed behaviour: it never refreshes
 * by itself; a stored JWT found expired at start-up means re-authentication, although the refresh
 * token would still work; a code the exchange refuses means `AuthProvider.reAuthenticate` at once;
 * a failed refresh clears the tokens and re-authenticates, unless the variant
 * `refreshFailureClearsTokens: false` keeps them ({@link MessengerVariants}). Its error events
 * carry `{message, status?}` ({@link MessengerErrorData}).
 */
export class EmulatedAuthPlugin {
  private status: MessengerAuthStatus = 'starting';
  private config?: DeploymentConfig;
  private exchanges: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: AuthPluginContext) {
    const { plugin } = ctx;
    plugin.registerCommand('getTokens', (e) =>
      this.settle(e, this.exchange(e.data as GenesysAuthCodeResult)),
    );
    plugin.registerCommand('refreshToken', (e) => this.settle(e, this.refresh()));
    plugin.registerCommand('logout', (e) => this.settle(e, this.logout()));
    plugin.registerCommand('reAuthenticate', (e) =>
      this.settle(e, this.startReAuthentication(true)),
    );
    plugin.registerCommand('signIn', (e) => this.settle(e, this.signIn()));
  }

  /** The current status. */
  get currentStatus(): MessengerAuthStatus {
    return this.status;
  }

  /** Starts once the deployment configuration has arrived. */
  start(config: DeploymentConfig): void {
    this.config = config;
    this.ctx.plugin.ready();
    if (!config.auth.enabled) {
      this.setStatus('anonymous');
      return;
    }
    // The blueprint's page publishes `signedIn` with the code from its URL (contract §2).
    this.ctx.plugin.subscribe<GenesysAuthCodeResult>('AuthProvider.signedIn', (e) => {
      void this.exchange(e.data).catch(() => undefined);
    });
    let providerReady = false;
    this.ctx.plugin.subscribe('AuthProvider.ready', () => {
      if (providerReady) return;
      providerReady = true;
      this.resume();
    });
  }

  /** What the widget's re-authenticate button does. */
  pressReAuthenticate(): void {
    void this.startReAuthentication(true);
  }

  /** Another tab logged out (its storage event removed the JWT). */
  loggedOutElsewhere(): void {
    if (this.status === 'anonymous') return;
    this.ctx.forgetAuthenticated();
    this.ctx.plugin.publish('loggedOut', {});
    this.setStatus('anonymous');
  }

  /** Whether the stored JWT is unexpired by the page's clock. */
  hasValidJwt(): boolean {
    const jwt = this.ctx.tokens.jwt;
    const times = jwt ? readJwtTimes(jwt) : undefined;
    return !!times && times.exp * 1000 > this.ctx.now();
  }

  private resume(): void {
    const { tokens } = this.ctx;
    if (tokens.jwt && this.hasValidJwt()) {
      this.setStatus('authenticated');
      this.ctx.plugin.republish('authenticated', { jwt: tokens.jwt });
    } else if (tokens.jwt) {
      // The field failure: an expired JWT with a live refresh token is not refreshed.
      void this.startReAuthentication(false);
    } else {
      void this.requestCode();
    }
  }

  private async requestCode(): Promise<void> {
    this.setStatus('authenticating');
    let result: GenesysAuthCodeResult;
    try {
      result = await this.ctx.plugin.command<GenesysAuthCodeResult>('AuthProvider.getAuthCode', {});
    } catch (error) {
      this.ctx.plugin.publish('authError', errorData(error));
      this.setStatus('anonymous');
      return;
    }
    await this.exchange(result).catch(() => undefined);
  }

  /** Exchanges one code at a time, in the order they arrived. */
  private exchange(result: GenesysAuthCodeResult | undefined): Promise<void> {
    const next = this.exchanges.then(() => this.exchangeNow(result));
    this.exchanges = next.catch(() => undefined);
    return next;
  }

  private async exchangeNow(result: GenesysAuthCodeResult | undefined): Promise<void> {
    if (!result || (!result.authCode && !result.idToken) || !result.redirectUri) {
      // What the sources say authError means: getAuthCode did not give a code and a redirect URI.
      this.ctx.plugin.publish('authError', {
        message: 'AuthProvider.getAuthCode must resolve with authCode (or idToken) and redirectUri',
      });
      this.setStatus('anonymous');
      throw new Error('AuthProvider gave no authorization code');
    }
    this.setStatus('authenticating');
    this.ctx.plugin.publish('authenticating', {
      authCode: result.authCode,
      redirectUri: result.redirectUri,
    });
    try {
      const { jwt, refreshToken } = await this.ctx.backend.exchangeCode({
        deploymentId: this.ctx.deploymentId,
        oauth: {
          code: result.authCode,
          idToken: result.idToken,
          redirectUri: result.redirectUri,
          codeVerifier: result.codeVerifier,
          nonce: result.nonce,
          maxAge: result.maxAge,
          iss: result.iss,
        },
      });
      this.ctx.tokens.save(jwt, refreshToken);
      this.setStatus('authenticated');
      this.ctx.plugin.republish('authenticated', { jwt, refreshToken });
    } catch (error) {
      this.ctx.plugin.publish('error', errorData(error));
      // Seen in the field: a refused (e.g. already used) code sends Messenger to re-authentication.
      // Any non-2xx does, a 429 of the per-minute limit too (contract §4, mobile SDK).
      void this.startReAuthentication(false);
      throw error;
    }
  }

  private async refresh(): Promise<{ jwt: string } | undefined> {
    const refreshToken = this.ctx.tokens.refreshToken;
    if (!refreshToken) throw new Error('there is no refresh token');
    let jwt: string;
    try {
      ({ jwt } = await this.ctx.backend.refresh(refreshToken, this.ctx.deploymentId));
    } catch (error) {
      // The rejection is the backend's GenesysApiError: `status`, and `retryAfterSeconds` when
      // Genesys sent Retry-After. Subscribers hear the event later, when the tokens are gone.
      this.ctx.plugin.publish('tokenError', errorData(error));
      if (this.ctx.variants.refreshFailureClearsTokens) {
        // Any non-2xx, a 429 too, clears the tokens (contract §4, mobile SDK).
        this.ctx.tokens.clear();
        this.ctx.forgetAuthenticated();
        void this.startReAuthentication(false);
      }
      throw error;
    }
    this.ctx.tokens.save(jwt);
    this.setStatus('authenticated');
    if (this.ctx.variants.refreshRepublishesAuthenticated) {
      this.ctx.plugin.republish('authenticated', { jwt });
    }
    return this.ctx.variants.refreshResolvesWithJwt ? { jwt } : undefined;
  }

  private async logout(): Promise<void> {
    const jwt = this.ctx.tokens.jwt;
    if (jwt) {
      try {
        await this.ctx.backend.revoke(jwt);
      } catch (error) {
        this.ctx.plugin.publish('logoutError', errorData(error));
      }
    }
    this.ctx.tokens.clear();
    this.ctx.forgetAuthenticated();
    this.setStatus('anonymous');
    this.ctx.plugin.publish('loggedOut', {});
  }

  /**
   * Shows the re-authenticate state; calls `AuthProvider.reAuthenticate` when asked to, or when the
   * automatic variant is active. After it resolves, Messenger asks for a new code by itself.
   */
  private async startReAuthentication(requested: boolean): Promise<void> {
    this.setStatus('reauthenticate');
    if (!requested && this.ctx.variants.reAuthentication === 'button') return;
    try {
      await this.ctx.plugin.command('AuthProvider.reAuthenticate', {});
    } catch (error) {
      // The page could not sign the user in again: keep showing the re-authenticate state.
      this.ctx.plugin.publish('authError', errorData(error));
      return;
    }
    await this.requestCode();
  }

  private async signIn(): Promise<void> {
    if (!this.config?.auth.allowSessionUpgrade) {
      throw new Error('session upgrade is not allowed for this deployment');
    }
    this.ctx.plugin.publish('signingIn', {});
    try {
      const result = await this.ctx.plugin.command<GenesysAuthCodeResult>(
        'AuthProvider.signIn',
        {},
      );
      await this.exchange(result);
      this.ctx.plugin.publish('signedIn', {});
    } catch (error) {
      this.ctx.plugin.publish('signInFailed', errorData(error));
      throw error;
    }
  }

  private settle(e: GenesysCommandEvent, work: Promise<unknown>): void {
    work.then(
      (value) => e.resolve(value),
      (error) => e.reject(error),
    );
  }

  private setStatus(status: MessengerAuthStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.ctx.onStatus(status);
  }
}
