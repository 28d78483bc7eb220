import { filter, firstValueFrom, merge, type Observable, type SchedulerLike } from 'rxjs';
import { pauseUnlessStopped } from '../bridge/pause';
import {
  MessengerAuthError,
  MessengerAuthErrorCode,
  type GenesysAuthCodeResult,
  type MessengerReauthMode,
  ɵDEV_MODE as DEV_MODE,
} from 'ngx-genesys-messenger-auth/core';
import type { AuthorizationStore } from '../authorization/authorization-store';
import type { AuthorizerPort } from '../authorization/authorizer-port';

/** How many codes Genesys may refuse within the window before the bridge stops asking. */
export const MAX_REFUSED_CODES = 3;
/** The wait before the second code of a window; each later one waits four times longer. */
export const CODE_BACKOFF_MS = 2_000;

/** Whether the page may be navigated: a person sees it and the IdP can be reached. */
export interface PageConditions {
  /** Whether the tab is visible. */
  visible(): boolean;
  /** Whether the browser is online. */
  online(): boolean;
}

/** What a {@link CodeRecovery} runs on. */
export interface CodeRecoveryDeps {
  readonly authorizer: AuthorizerPort;
  readonly store: AuthorizationStore;
  readonly page: PageConditions;
  /** Moments the page may have become visible or online again. */
  readonly wakeups: Observable<string>;
  /** Whether the bridge may show a login page by itself. */
  readonly reauthMode: MessengerReauthMode;
  /** The window within which each guarded step runs at most once. */
  readonly reauthWindowMs: number;
  readonly now: () => number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  /** Whether the portal still wants Messenger signed in (checked after every wait). */
  readonly wanted: () => boolean;
  /** Emits when the bridge stops: every wait ends at once, and recovery with it. */
  readonly stopped$: Observable<void>;
  /** Reports that recovery waits for the tab to be visible and online. */
  readonly onWaiting: () => void;
}

/**
 * Gets Messenger a new code under the recovery policy (DESIGN.md "The recovery policy"): a hidden
 * iframe first, then one top-level `prompt=none`, then — when `reauthMode` allows — one
 * interactive login per window. The page leaves only while it is visible and online; otherwise
 * recovery waits for that. Codes Genesys refuses are counted per tab (sessionStorage survives the
 * redirects) and spaced out; after {@link MAX_REFUSED_CODES} the bridge stops asking.
 */
export class CodeRecovery {
  private notBefore = 0;

  constructor(private readonly deps: CodeRecoveryDeps) {}

  /**
   * A new code, or undefined while the page leaves for the IdP (it comes back with one). Call
   * {@link paced} first.
   * @throws MessengerAuthError LOGIN_LOOP_PREVENTED (too many refused codes, or a login already
   *   happened within the window), LOGIN_REQUIRED (the IdP needs the user and `silent-only`),
   *   PORTAL_SIGNED_OUT (the portal signed out while recovery waited)
   */
  async obtain(): Promise<GenesysAuthCodeResult | undefined> {
    const { authorizer, page } = this.deps;
    for (;;) {
      // Offline, the frame would only meet the browser's error page.
      await this.until(() => page.online());
      const outcome = await authorizer.silent();
      if (outcome.kind === 'code') return outcome.code;
      if (!this.navigable()) {
        // Back in view the iframe may succeed (the network is back): try it again first.
        await this.until(() => this.navigable());
        continue;
      }
      // Third-party cookies blocked: the iframe cannot see an IdP session a redirect can.
      if ((await authorizer.silentRedirect()) === 'navigating') return undefined;
      return this.loginRequired(this.deps.reauthMode);
    }
  }

  /**
   * The IdP needs the user: one interactive login per window when `mode` allows, once the tab is
   * visible and online.
   * @throws MessengerAuthError as {@link obtain}
   */
  async loginRequired(mode = this.deps.reauthMode): Promise<undefined> {
    if (mode === 'silent-only') {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.LOGIN_REQUIRED,
        DEV_MODE && 'the IdP needs the user to sign in, and reauthMode is silent-only',
      );
    }
    await this.until(() => this.navigable());
    await this.deps.authorizer.interactive();
    return undefined;
  }

  /** Records that Messenger got a code now. */
  handedOver(): void {
    this.deps.store.recordHandover(this.deps.now());
  }

  /** Messenger is signed in: the codes it got did their job. */
  signedIn(): void {
    this.deps.store.clearHandovers();
  }

  /**
   * A person asked to sign in to chat: the guards start afresh; a hidden iframe first, else the
   * login page, whatever `reauthMode` says (the person chose to leave the page).
   */
  async requested(): Promise<GenesysAuthCodeResult | undefined> {
    this.deps.store.clearGuards();
    const outcome = await this.deps.authorizer.silent();
    return outcome.kind === 'code' ? outcome.code : this.loginRequired('silent-then-interactive');
  }

  /** Genesys answered 429: no call for a new code before `until` (local ms). */
  rateLimited(until: number): void {
    this.notBefore = Math.max(this.notBefore, until);
  }

  /**
   * Waits before Messenger tries another code, as the codes Genesys refused and its rate limit ask.
   * @throws MessengerAuthError LOGIN_LOOP_PREVENTED after {@link MAX_REFUSED_CODES} refused codes
   */
  async paced(): Promise<void> {
    const { store, reauthWindowMs, now, random } = this.deps;
    const refused = store.handoverStreak(reauthWindowMs, now());
    if (refused >= MAX_REFUSED_CODES) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.LOGIN_LOOP_PREVENTED,
        DEV_MODE &&
          `Genesys did not accept the last ${refused} codes, each within ${Math.round(reauthWindowMs / 1000)} s of the next; not asking for another`,
      );
    }
    let delay = refused ? CODE_BACKOFF_MS * 4 ** (refused - 1) * (0.75 + random() / 2) : 0;
    // Genesys' 429 may be heard while the backoff runs: wait for the later of the two.
    while (delay > 0 && this.deps.wanted()) {
      await pauseUnlessStopped(delay, this.deps.scheduler, this.deps.stopped$);
      delay = this.notBefore - now();
    }
    this.checkWanted();
  }

  private navigable(): boolean {
    return this.deps.page.visible() && this.deps.page.online();
  }

  private async until(condition: () => boolean): Promise<void> {
    if (condition()) return;
    this.deps.onWaiting();
    await firstValueFrom(
      merge(this.deps.wakeups.pipe(filter(() => condition())), this.deps.stopped$),
      { defaultValue: undefined },
    );
    this.checkWanted();
  }

  private checkWanted(): void {
    if (!this.deps.wanted()) {
      throw new MessengerAuthError(
        MessengerAuthErrorCode.PORTAL_SIGNED_OUT,
        DEV_MODE && 'the portal signed out while Messenger waited for a new code',
      );
    }
  }
}
