import {
  asyncScheduler,
  firstValueFrom,
  Observable,
  throwError,
  timeout,
  type SchedulerLike,
} from 'rxjs';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysEnvelope,
  type GenesysGlobal,
  type GenesysPlugin,
  type GenesysHostWindow,
  ɵDEV_MODE as DEV_MODE,
} from 'ngx-genesys-messenger-auth/core';

/**
 * A typed facade over `window.Genesys`: commands as promises, subscriptions as observables.
 * It looks `window.Genesys` up at every call, because Messenger replaces the snippet's stub when
 * its bundle loads (contract §1).
 */
export class MessengerClient {
  /**
   * @param win the window whose `Genesys` to use
   * @param commandTimeoutMs the longest wait for a command (Messenger itself never times out)
   * @param scheduler the scheduler of that wait (tests replace it)
   */
  constructor(
    private readonly win: Window | GenesysHostWindow,
    private readonly commandTimeoutMs = Infinity,
    private readonly scheduler: SchedulerLike = asyncScheduler,
  ) {}

  /** Whether a snippet or Messenger itself defined `window.Genesys`. */
  get isPresent(): boolean {
    return typeof (this.win as GenesysHostWindow).Genesys === 'function';
  }

  /**
   * Runs a command. Messenger never times a command out; this client gives up after
   * `commandTimeoutMs` (its timer ends as soon as the command settles).
   * @throws MessengerAuthError MESSENGER_COMMAND_TIMEOUT when Messenger did not answer in time
   */
  command<T = unknown>(name: string, data: unknown = {}): Promise<T> {
    const answer = new Observable<T>((subscriber) =>
      this.genesys()(
        'command',
        name,
        data,
        (value: unknown) => {
          subscriber.next(value as T);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      ),
    );
    if (!Number.isFinite(this.commandTimeoutMs)) return firstValueFrom(answer);
    return firstValueFrom(
      answer.pipe(
        timeout({
          first: this.commandTimeoutMs,
          scheduler: this.scheduler,
          with: () =>
            throwError(
              () =>
                new MessengerAuthError(
                  MessengerAuthErrorCode.MESSENGER_COMMAND_TIMEOUT,
                  DEV_MODE && `Messenger did not answer ${name} within ${this.commandTimeoutMs} ms`,
                ),
            ),
        }),
      ),
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
        DEV_MODE
          ? 'window.Genesys is not defined: add the Messenger snippet or withMessengerSnippet()'
          : 'window.Genesys is not defined',
      );
    }
    return genesys;
  }
}
