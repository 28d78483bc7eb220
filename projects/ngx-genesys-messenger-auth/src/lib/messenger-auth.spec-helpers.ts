/*
 * Test-only: the portal's OIDC set-up, the engine's lazy load under the test's control, and the one
 * way specs of the Angular layer wait for it (no sleeps).
 */
import { provideHttpClient } from '@angular/common/http';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideAuth } from 'angular-auth-oidc-client';
import { MessengerAuthLogger } from 'ngx-genesys-messenger-auth/core';
import type { MessengerAuth } from './messenger-auth';
import { MESSENGER_AUTH_ENGINE, type MessengerAuthEngineModule } from './messenger-auth-tokens';

/** The portal's own OIDC set-up the bridge follows (angular-auth-oidc-client, no IdP behind it). */
export const PORTAL_AUTH: (Provider | EnvironmentProviders)[] = [
  provideHttpClient(),
  provideAuth({
    config: {
      authority: 'https://idp.invalid',
      clientId: 'portal',
      redirectUrl: 'http://localhost/callback',
      responseType: 'code',
      scope: 'openid profile',
    },
  }),
];

/** Holds the engine's load back until `release()` (or `fail()`). */
export class EngineGate {
  /** How many times the engine was asked for. */
  requests = 0;
  private settle?: (engine: Promise<MessengerAuthEngineModule>) => void;
  private readonly held = new Promise<MessengerAuthEngineModule>((resolve) => {
    this.settle = (engine) => resolve(engine);
  });

  /** Provide it in place of the real (dynamic-import) loader. */
  readonly provider: Provider = {
    provide: MESSENGER_AUTH_ENGINE,
    useValue: () => {
      this.requests++;
      return this.held;
    },
  };

  /** Lets the real engine through. */
  release(): void {
    this.settle?.(import('ngx-genesys-messenger-auth/engine'));
  }

  /** Makes the load fail, as a chunk that cannot be fetched does. */
  fail(error: Error): void {
    this.settle?.(Promise.reject(error));
  }
}

/**
 * Resolves once `MessengerAuth` has its bridge (the engine loaded and the configuration known), or
 * knows it never will. Reads the facade's one internal promise: the only place specs do.
 */
export async function engineLoaded(auth: MessengerAuth): Promise<void> {
  await (auth as unknown as { loaded: Promise<unknown> }).loaded;
}

/** A logger that keeps every call, as `[level, message, details?]`. */
export class RecordingLogger extends MessengerAuthLogger {
  readonly logged: unknown[][] = [];

  override log(...args: unknown[]): void {
    this.logged.push(args);
  }
}
