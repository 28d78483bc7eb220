/**
 * Types of the Genesys Messenger JavaScript API as a page sees it (`window.Genesys`), after
 * GENESYS-CONTRACT.md §1–3. Shared by the bridge and by the emulator in `/testing`.
 */

/** The deployment snippet's configuration (`Genesys.c`). */
export interface GenesysSnippetConfig {
  /** The region code of the deployment, e.g. `prod`, `prod-euw1`, or a custom domain. */
  readonly environment: string;
  /** The web deployment id. */
  readonly deploymentId: string;
  /** Whether Messenger logs to the console. */
  readonly debug?: boolean;
}

/** What a subscriber receives for each event on the bus. */
export interface GenesysEnvelope<T = unknown> {
  /** When the event was published (ms since the epoch, publisher's clock). */
  readonly time: number;
  /** The plugin that published the event, e.g. `Auth`. */
  readonly publisher: string;
  /** The event's short name, e.g. `authenticated`. */
  readonly event: string;
  /** The event's full name, e.g. `Auth.authenticated`; absent when a stored event is replayed. */
  readonly eventName?: string;
  /** The event's payload. */
  readonly data: T;
}

/** The argument a registered command's handler receives. */
export interface GenesysCommandEvent<T = unknown> {
  /** The data the caller passed (`{}` when none). */
  readonly data: T;
  /** Settles the caller's promise or callbacks with a value. */
  resolve(value?: unknown): void;
  /** Settles the caller's promise or callbacks with an error. */
  reject(error?: unknown): void;
}

/** A handler registered with `plugin.registerCommand`. */
export type GenesysCommandHandler<T = unknown> = (event: GenesysCommandEvent<T>) => void;

/** A subscriber callback. */
export type GenesysSubscriber<T = unknown> = (envelope: GenesysEnvelope<T>) => void;

/** The object `Genesys('registerPlugin', name, cb)` hands to `cb`. */
export interface GenesysPlugin {
  /** Runs a command of any plugin (`'Auth.refreshToken'`); nothing times out. */
  command<R = unknown>(name: string, data?: unknown): Promise<R>;
  /** Subscribes to an event by its full name (`'Auth.authenticated'`). */
  subscribe<T = unknown>(eventName: string, callback: GenesysSubscriber<T>): void;
  /** Removes this plugin's subscriptions to an event. */
  unsubscribe(eventName: string): void;
  /** Publishes `<plugin>.<event>` to the current subscribers. */
  publish(event: string, data?: unknown): void;
  /** Publishes `<plugin>.<event>` and keeps it for later subscribers. */
  republish(event: string, data?: unknown): void;
  /** Registers `<plugin>.<name>` as a command. */
  registerCommand<T = unknown>(name: string, handler: GenesysCommandHandler<T>): void;
  /** Reads (`data(path)`) or writes (`data(path, value)`) the shared data model. */
  data(path: string, value?: unknown): unknown;
  /** Announces the plugin (`<plugin>.ready`, kept for later subscribers). */
  ready(): void;
}

/** `window.Genesys`: the snippet's queueing stub or, once loaded, Messenger's dispatcher. */
export interface GenesysGlobal {
  (
    verb: 'command',
    command: string,
    data?: unknown,
    onResolve?: (value: unknown) => void,
    onReject?: (error: unknown) => void,
  ): void;
  (
    verb: 'command',
    command: string,
    onResolve?: (value: unknown) => void,
    onReject?: (error: unknown) => void,
  ): void;
  (verb: 'subscribe', eventName: string, callback: GenesysSubscriber): void;
  (verb: 'registerPlugin', name: string, init: (plugin: GenesysPlugin) => void): void;
  /** The stub's queue of calls made before Messenger loaded. */
  q?: ArrayLike<unknown>[];
  /** When the snippet ran (ms since the epoch). */
  t?: number;
  /** The snippet's configuration. */
  c?: GenesysSnippetConfig;
}

/** What `AuthProvider.getAuthCode` and `AuthProvider.signIn` resolve with (contract §2). */
export interface GenesysAuthCodeResult {
  /** The authorization code (absent only in the implicit flow, where `idToken` replaces it). */
  readonly authCode?: string;
  /** The ID token, for the implicit flow only. */
  readonly idToken?: string;
  /** The redirect URI the code was issued for. */
  readonly redirectUri: string;
  /** The PKCE code verifier (43–128 characters) when the request used PKCE. */
  readonly codeVerifier?: string;
  /** The nonce of the authorization request. */
  readonly nonce?: string;
  /** The `max_age` of the authorization request, in seconds. */
  readonly maxAge?: number;
  /** The `iss` of the authorization response (RFC 9207). */
  readonly iss?: string;
}

/** `Auth.authenticated`'s payload. */
export interface GenesysAuthenticatedData {
  readonly jwt?: string;
  readonly refreshToken?: string;
}
