import { InjectionToken } from '@angular/core';
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { ResolvedMessengerAuthConfig } from 'ngx-genesys-messenger-auth/core';

/** The validated configuration (set by `provideMessengerAuth`). */
export const MESSENGER_AUTH_CONFIG = new InjectionToken<ResolvedMessengerAuthConfig>(
  ngDevMode ? 'MESSENGER_AUTH_CONFIG' : '',
);

/** The clock the bridge reads (ms since the epoch); tests replace it. */
export const MESSENGER_AUTH_CLOCK = new InjectionToken<() => number>(
  ngDevMode ? 'MESSENGER_AUTH_CLOCK' : '',
  {
    providedIn: 'root',
    factory: () => () => Date.now(),
  },
);

/** The RxJS scheduler of the bridge's timers; tests replace it. */
export const MESSENGER_AUTH_SCHEDULER = new InjectionToken<SchedulerLike>(
  ngDevMode ? 'MESSENGER_AUTH_SCHEDULER' : '',
  {
    providedIn: 'root',
    factory: () => asyncScheduler,
  },
);

/** Whether the bridge adds the Messenger deployment snippet itself (`withMessengerSnippet`). */
export const MESSENGER_AUTH_INSTALLS_SNIPPET = new InjectionToken<boolean>(
  ngDevMode ? 'MESSENGER_AUTH_INSTALLS_SNIPPET' : '',
  { providedIn: 'root', factory: () => false },
);
