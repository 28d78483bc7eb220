import type {
  GenesysGlobal,
  GenesysPlugin,
  GenesysSnippetConfig,
} from 'ngx-genesys-messenger-auth/core';
import type { GenesysBackend, MessageReceipt } from '../backend/genesys-backend';
import type { DeploymentConfig } from '../backend/token-ports';
import { GenesysBus, REAL_BUS_ENVIRONMENT, type BusEnvironment } from '../bus/genesys-bus';
import { GenesysDispatcher } from '../bus/genesys-dispatcher';
import { EmulatedAuthPlugin, type MessengerAuthStatus } from './emulated-auth-plugin';
import { MessengerTokenStore } from './messenger-token-store';
import { DEFAULT_MESSENGER_VARIANTS, type MessengerVariants } from './messenger-variants';

/** A window as far as the emulator needs it. */
export interface EmulatorWindow {
  Genesys?: GenesysGlobal;
  readonly localStorage: Storage;
  addEventListener(type: 'storage', listener: (event: Event) => void): void;
  removeEventListener(type: 'storage', listener: (event: Event) => void): void;
}

/** Options of a {@link MessengerEmulator}. */
export interface MessengerEmulatorOptions {
  /** The page's window (its `Genesys` stub is replaced, its localStorage holds the tokens). */
  readonly window: EmulatorWindow;
  /** Genesys: in memory for unit tests, over HTTP in the browser bundle. */
  readonly backend: GenesysBackend;
  /** The snippet configuration when the window has no snippet stub. */
  readonly snippetConfig?: GenesysSnippetConfig;
  /** Behaviours the sources leave open (default: as the field report saw them). */
  readonly variants?: Partial<MessengerVariants>;
  /** Clock and async delivery of the bus (default: wall clock, microtasks). */
  readonly environment?: BusEnvironment;
}

/** What the emulated widget shows. */
export interface MessengerViewState {
  readonly auth: MessengerAuthStatus;
  readonly open: boolean;
}

/**
 * Genesys Messenger, emulated after GENESYS-CONTRACT.md: replaces the snippet's `window.Genesys`
 * stub, loads the deployment configuration, drains the queued calls only then, and runs the Auth,
 * Messenger and MessagingService plugins. The browser bundle of the simulator is this class plus a
 * widget; unit tests use it with an in-memory backend.
 * @usageNotes
 * ```ts
 * installGenesysSnippet(window, { environment: 'test', deploymentId: TEST_DEPLOYMENT.id });
 * // … the code under test registers its AuthProvider plugin …
 * const messenger = new MessengerEmulator({ window, backend: new InMemoryGenesysBackend() });
 * await messenger.boot();
 * ```
 */
export class MessengerEmulator {
  /** The command bus (for tests that publish or subscribe directly). */
  readonly bus: GenesysBus;
  /** Messenger's token storage. */
  readonly tokens: MessengerTokenStore;
  private readonly dispatcher: GenesysDispatcher;
  private readonly snippetConfig: GenesysSnippetConfig;
  private readonly variants: MessengerVariants;
  private readonly auth: EmulatedAuthPlugin;
  private readonly listeners = new Set<(state: MessengerViewState) => void>();
  private messengerPlugin?: GenesysPlugin;
  private view: MessengerViewState = { auth: 'starting', open: false };
  private readonly onStorage = (event: Event) => {
    if (this.tokens.isRemoval(event as StorageEvent)) this.auth.loggedOutElsewhere();
  };

  constructor(private readonly options: MessengerEmulatorOptions) {
    const stub = options.window.Genesys;
    const snippetConfig = stub?.c ?? options.snippetConfig;
    if (!snippetConfig) {
      throw new Error(
        'MessengerEmulator: no snippet configuration (window.Genesys.c) and none given',
      );
    }
    this.snippetConfig = snippetConfig;
    this.variants = { ...DEFAULT_MESSENGER_VARIANTS, ...options.variants };
    const environment = options.environment ?? REAL_BUS_ENVIRONMENT;
    this.bus = new GenesysBus(environment);
    this.dispatcher = new GenesysDispatcher(this.bus);
    this.tokens = new MessengerTokenStore(options.window.localStorage, snippetConfig.deploymentId);
    let authPlugin!: GenesysPlugin;
    this.bus.registerPlugin('Auth', (plugin) => (authPlugin = plugin));
    this.auth = new EmulatedAuthPlugin({
      plugin: authPlugin,
      backend: options.backend,
      tokens: this.tokens,
      deploymentId: snippetConfig.deploymentId,
      variants: this.variants,
      now: () => environment.now(),
      onStatus: (auth) => this.update({ auth }),
      forgetAuthenticated: () => this.bus.forget('Auth.authenticated'),
    });
  }

  /** The widget's state. */
  get state(): MessengerViewState {
    return this.view;
  }

  /**
   * Replaces `window.Genesys`, loads the configuration, then drains the snippet's queue and
   * starts authentication. Resolves once the queue is drained.
   */
  async boot(): Promise<DeploymentConfig> {
    const win = this.options.window;
    const stub = win.Genesys;
    const queued = stub?.q ?? [];
    const global = this.dispatcher.global;
    global.t = stub?.t;
    global.c = this.snippetConfig;
    win.Genesys = global;
    win.addEventListener('storage', this.onStorage);

    const config = await this.options.backend.deploymentConfig(this.snippetConfig.deploymentId);
    this.bus.publish(
      'GenesysJS',
      'configurationReceived',
      { deploymentConfig: { auth: config.auth }, snippetConfig: this.snippetConfig },
      true,
    );
    this.registerMessenger();
    // Messenger's own plugins listen before the page's queued calls run, so an AuthProvider that
    // publishes `signedIn` while it registers is heard (the blueprint's double hand-over).
    this.auth.start(config);
    if (config.auth.enabled) this.bus.subscribe('Auth.authenticated', () => this.startMessaging());
    else this.startMessaging();
    this.dispatcher.open(queued);
    return config;
  }

  /** Stops listening to other tabs. */
  destroy(): void {
    this.options.window.removeEventListener('storage', this.onStorage);
    this.listeners.clear();
  }

  /** Calls `listener` on every change of the widget's state; returns an unsubscribe function. */
  onChange(listener: (state: MessengerViewState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The widget's re-authenticate button. */
  pressReAuthenticate(): void {
    this.auth.pressReAuthenticate();
  }

  /** Opens or closes the widget, as `Messenger.open` / `Messenger.close` do. */
  setOpen(open: boolean): void {
    if (this.view.open === open) return;
    this.update({ open });
    this.messengerPlugin?.publish(open ? 'opened' : 'closed', {});
  }

  /**
   * Sends a message, as the widget's send button does; rejects when Messenger holds no valid JWT
   * (the field report's "the conversation stopped responding").
   */
  async sendMessage(text: string): Promise<MessageReceipt> {
    const jwt = this.tokens.jwt;
    if (this.view.auth !== 'authenticated' || !jwt) {
      throw new Error('Messenger is not authenticated');
    }
    return this.options.backend.sendMessage(jwt, text);
  }

  private registerMessenger(): void {
    this.bus.registerPlugin('Messenger', (plugin) => {
      this.messengerPlugin = plugin;
      plugin.registerCommand('open', (e) => {
        this.setOpen(true);
        e.resolve();
      });
      plugin.registerCommand('close', (e) => {
        this.setOpen(false);
        e.resolve();
      });
      plugin.ready();
    });
    this.bus.registerPlugin('MessagingService', (plugin) => plugin.ready());
  }

  private messagingStarted = false;

  private startMessaging(): void {
    const authenticated = this.auth.currentStatus === 'authenticated';
    if (this.messagingStarted) return;
    this.messagingStarted = true;
    this.bus.publish(
      'MessagingService',
      'started',
      { newSession: true, authenticated, readOnly: false },
      true,
    );
  }

  private update(change: Partial<MessengerViewState>): void {
    this.view = { ...this.view, ...change };
    for (const listener of [...this.listeners]) listener(this.view);
  }
}
