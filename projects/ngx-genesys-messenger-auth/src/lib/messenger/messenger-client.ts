import { Observable } from 'rxjs';
import {
  type GenesysEnvelope,
  type GenesysGlobal,
  type GenesysPlugin,
  type GenesysHostWindow,
} from 'ngx-genesys-messenger-auth/core';

/**
 * A typed facade over `window.Genesys`: commands as promises, subscriptions as observables.
 * It looks `window.Genesys` up at every call, because Messenger replaces the snippet's stub when
 * its bundle loads (contract §1).
 */
export class MessengerClient {
  constructor(private readonly win: Window | GenesysHostWindow) {}

  /** Whether a snippet or Messenger itself defined `window.Genesys`. */
  get isPresent(): boolean {
    return typeof (this.win as GenesysHostWindow).Genesys === 'function';
  }

  /**
   * Runs a command. Messenger never times a command out; callers that must not wait for ever
   * bound the wait themselves.
   */
  command<T = unknown>(name: string, data: unknown = {}): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.genesys()('command', name, data, resolve as (value: unknown) => void, reject),
    );
  }

  /**
   * Subscribes to an event. Messenger has no global unsubscribe, so unsubscribing only stops
   * the delivery to this observable.
   */
  on<T = unknown>(eventName: string): Observable<GenesysEnvelope<T>> {
    return new Observable<GenesysEnvelope<T>>((subscriber) => {
      let active = true;
      this.genesys()('subscribe', eventName, (envelope) => {
        if (active) subscriber.next(envelope as GenesysEnvelope<T>);
      });
      return () => (active = false);
    });
  }

  /** Registers a plugin; `init` receives its API object when Messenger processes the call. */
  registerPlugin(name: string, init: (plugin: GenesysPlugin) => void): void {
    this.genesys()('registerPlugin', name, init);
  }

  private genesys(): GenesysGlobal {
    const genesys = (this.win as GenesysHostWindow).Genesys;
    if (typeof genesys !== 'function') {
      throw new Error(
        'window.Genesys is not defined: add the Messenger snippet or withMessengerSnippet()',
      );
    }
    return genesys;
  }
}
