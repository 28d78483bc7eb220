import type {
  GenesysGlobal,
  GenesysPlugin,
  GenesysSubscriber,
} from 'ngx-genesys-messenger-auth/core';
import type { GenesysBus } from './genesys-bus';

type Callback = (value: unknown) => void;

/**
 * The `window.Genesys` function Messenger installs when its bundle loads (contract §1). Calls are
 * held until `open()` — Messenger drains the snippet's queue only once the deployment
 * configuration has arrived — then run in order: first the snippet's queue, then held calls.
 */
export class GenesysDispatcher {
  /** The function to install as `window.Genesys`. */
  readonly global: GenesysGlobal;
  private held: unknown[][] | null = [];

  constructor(
    private readonly bus: GenesysBus,
    private readonly reportError: (error: unknown) => void = (error) => {
      // Like an exception in a script the page did not call directly: reported, not thrown.
      setTimeout(() => {
        throw error;
      });
    },
  ) {
    const dispatcher = (...args: unknown[]) => this.call(args);
    this.global = dispatcher as unknown as GenesysGlobal;
  }

  /** Whether queued calls have been drained and calls now run at once. */
  get isOpen(): boolean {
    return this.held === null;
  }

  /** Runs the snippet's queued calls, then the held ones; later calls run at once. */
  open(queued: ArrayLike<ArrayLike<unknown>> = []): void {
    if (this.held === null) return;
    const held = this.held;
    this.held = null;
    for (const args of [...Array.from(queued, (a) => Array.from(a)), ...held]) {
      try {
        this.run(args);
      } catch (error) {
        this.reportError(error);
      }
    }
  }

  private call(args: unknown[]): void {
    if (this.held) {
      this.held.push(args);
      return;
    }
    this.run(args);
  }

  private run([verb, ...rest]: unknown[]): void {
    switch (verb) {
      case 'command':
        return this.command(rest);
      case 'subscribe':
        return this.bus.subscribe(String(rest[0]), rest[1] as GenesysSubscriber);
      case 'registerPlugin':
        this.bus.registerPlugin(String(rest[0]), rest[1] as (plugin: GenesysPlugin) => void);
        return;
      default:
        throw new TypeError(`Genesys: unknown call "${String(verb)}"`);
    }
  }

  /** `Genesys('command', name, data?, onResolve?, onReject?)`; a function as data shifts left. */
  private command([name, data, onResolve, onReject]: unknown[]): void {
    if (typeof data === 'function') {
      [data, onResolve, onReject] = [{}, data, onResolve];
    }
    this.bus.command(String(name), data ?? {}).then(
      (value) => (onResolve as Callback | undefined)?.(value),
      (error) => (onReject as Callback | undefined)?.(error),
    );
  }
}
